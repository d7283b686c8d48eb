#pragma once
// The Census Geocoder (geocoding.geo.census.gov): one-line addresses and
// batches of up to 10,000, to coordinates. Its answers are cached under the
// cache directory; 5xx and 429 answers are retried with growing waits.
// Only the coordinates decide districts (our own point in polygon); the
// districts the Census names are kept to explain the answer.

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/geo/point.hpp"

namespace civic {
class HttpClient;
}

namespace civic::geo {

struct CensusOptions {
  std::string base_url;  // .../geocoder
  std::filesystem::path cache_dir;  // "" disables the cache
  int retries = 3;
  std::chrono::milliseconds first_wait{500};
  std::chrono::seconds stall_timeout{30};  // an answer that stops arriving for this long fails
  std::function<void(std::chrono::milliseconds)> sleep;  // injectable for tests; real sleep when empty
};

struct CensusMatch {
  LatLon point;
  std::string matched_address;
  std::string match_type;  // Exact | Non_Exact (batch answers), "" for one-line answers
  int candidates = 1;      // addresses the one-line answer matched
  std::vector<std::string> cd;    // GEOIDs the Census names, when it does
  std::vector<std::string> sldu;
  std::vector<std::string> sldl;
  bool from_cache = false;
};

inline constexpr const char* k_census_benchmark = "Public_AR_Current";
inline constexpr const char* k_census_vintage = "Current_Current";
inline constexpr std::size_t k_census_batch_limit = 10000;

struct BatchAddress {
  std::string id;
  std::string street, city, state, zip;
};

struct BatchAnswer {
  std::string id;
  std::optional<CensusMatch> match;  // nothing when the Census found none
};

class CensusGeocoder {
public:
  CensusGeocoder(HttpClient& http, CensusOptions options);

  // nullopt when the Census found no match. Throws civic::Error when the
  // service cannot be reached or answers with an error.
  std::optional<CensusMatch> geocode(const std::string& address);

  // One batch request (at most k_census_batch_limit addresses), answers in
  // the order given. Cached whole, keyed by its content.
  std::vector<BatchAnswer> geocode_batch(const std::vector<BatchAddress>& addresses);

private:
  // The answer to a request, read by `parse` (which throws an Error for
  // what is not one); cached only once it was read, and asked again when
  // a cached one cannot be.
  template <class Parse>
  auto answer(const std::string& url, const std::string& what, const std::string& body_csv, Parse parse,
              bool& from_cache);
  std::string fetch(const std::string& url, const std::string& what, const std::string& body_csv);

  HttpClient& m_http;
  CensusOptions m_options;
};

// Parsers, exposed for tests.
std::optional<CensusMatch> parse_census_json(const std::string& body, const std::string& url);
std::vector<BatchAnswer> parse_census_batch(const std::string& body, const std::vector<BatchAddress>& asked);

}  // namespace civic::geo
