#pragma once
// The options that name a place (shared by `locate` and `reps`) and their
// resolution into a Location.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/geo/census.hpp"
#include "core/geo/locator.hpp"
#include "core/geo/bulk.hpp"
#include "core/geo/place.hpp"

namespace CLI {
class App;
}

namespace civic::cli {

class Runtime;

struct PlaceOptions {
  std::vector<std::string> address;  // words, joined by spaces
  std::optional<std::string> latlon;
  std::optional<std::string> zip;
  bool me = false;  // the place kept by `civic me set`
  bool offline = false;
  bool no_cache = false;
  bool explain = false;

  bool given() const { return !address.empty() || latlon || zip || me; }
  std::string address_text() const;
};

// Adds ADDRESS..., --latlon, --zip, --me, --offline, --no-cache, --explain.
void add_place_options(CLI::App& command, PlaceOptions& options);

// What resolving places needs, made once per command.
class PlaceResolver {
public:
  PlaceResolver(Runtime& rt, const PlaceOptions& options);
  geo::Location resolve(const PlaceOptions& options);
  geo::Locator& locator() { return m_locator; }
  geo::CensusGeocoder* geocoder() { return m_geocoder.get(); }

private:
  geo::Location resolve_me(const PlaceOptions& options);

  Runtime& m_rt;
  geo::Locator m_locator;
  std::unique_ptr<geo::CensusGeocoder> m_geocoder;  // null when offline
};

// The geocoder as configured; its cache skipped with --no-cache.
enum class GeocoderCache { use, skip };
std::unique_ptr<geo::CensusGeocoder> make_geocoder(Runtime& rt, GeocoderCache cache);

// Options for geo::locate_rows: the geocoder (null offline) and a
// reference.db connection per worker thread; the caller adds progress.
geo::BulkOptions bulk_options(Runtime& rt, geo::CensusGeocoder* geocoder);

}  // namespace civic::cli
