#include "core/geo/census.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/geo/point.hpp"
#include "core/net/retry.hpp"
#include "core/net/http.hpp"
#include "core/util/csv.hpp"
#include "core/util/files.hpp"
#include "core/util/sha256.hpp"
#include "core/util/text.hpp"

namespace civic::geo {
namespace {

// Layer names carry their vintage ("119th Congressional Districts", "2024
// State Legislative Districts - Upper"); match on what follows it.
void collect_geoids(const nlohmann::json& geographies, CensusMatch& match) {
  for (const auto& [layer, entries] : geographies.items()) {
    std::vector<std::string>* target = nullptr;
    if (layer.ends_with("Congressional Districts")) {
      target = &match.cd;
    } else if (layer.ends_with("State Legislative Districts - Upper")) {
      target = &match.sldu;
    } else if (layer.ends_with("State Legislative Districts - Lower")) {
      target = &match.sldl;
    }
    if (target == nullptr || !entries.is_array()) {
      continue;
    }
    for (const auto& entry : entries) {
      if (entry.contains("GEOID") && entry["GEOID"].is_string()) {
        target->push_back(entry["GEOID"].get<std::string>());
      }
    }
  }
}

std::string url_encode(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      static constexpr char k_hex[] = "0123456789ABCDEF";
      out += '%';
      out += k_hex[c >> 4];
      out += k_hex[c & 0x0F];
    }
  }
  return out;
}

std::string batch_file(const std::vector<BatchAddress>& addresses) {
  std::string file;
  for (const auto& a : addresses) {
    file += csv::format_row({a.id, a.street, a.city, a.state, a.zip});
  }
  return file;
}

}  // namespace

CensusGeocoder::CensusGeocoder(HttpClient& http, CensusOptions options)
    : m_http(http), m_options(std::move(options)) {
  while (!m_options.base_url.empty() && m_options.base_url.back() == '/') {
    m_options.base_url.pop_back();
  }
}

std::string CensusGeocoder::fetch(const std::string& url, const std::string& what, const std::string& body_csv) {
  HttpRequest request;
  request.url = url;
  request.stall_timeout = m_options.stall_timeout;
  if (!body_csv.empty()) {
    request.method = "POST";
    request.form = {{"addressFile", body_csv, "addresses.csv"},
                    {"benchmark", k_census_benchmark, ""},
                    {"vintage", k_census_vintage, ""}};
  }
  HttpResponse response;
  try {
    response = send_with_retries(m_http, request, {m_options.retries, m_options.first_wait, m_options.sleep},
                                 "the Census Geocoder for " + what);
  } catch (Error& e) {
    if (e.code() == ExitCode::interrupted) {
      throw;
    }
    e.hint("check the network connection; with --offline civic uses the ZIP code of an address instead");
    throw;
  }
  if (!response.ok()) {
    throw Error("the Census Geocoder answered HTTP " + std::to_string(response.status) + " for " + what +
                (retryable(response) ? " after " + std::to_string(m_options.retries) + " retries" : ""))
        .hint("try again later, or use --latlon or --zip");
  }
  return std::move(response.body);
}

template <class Parse>
auto CensusGeocoder::answer(const std::string& url, const std::string& what, const std::string& body_csv, Parse parse,
                            bool& from_cache) {
  const bool use_cache = !m_options.cache_dir.empty();
  const auto cache_file = m_options.cache_dir / "census" / (sha256_hex(url + "\n" + body_csv) + ".txt");
  if (use_cache) {
    if (auto cached = read_file_if_exists(cache_file)) {
      try {
        auto parsed = parse(*cached);
        from_cache = true;
        return parsed;
      } catch (const Error&) {
        std::error_code ec;
        std::filesystem::remove(cache_file, ec);  // not an answer after all: ask again
      }
    }
  }
  const auto body = fetch(url, what, body_csv);
  auto parsed = parse(body);  // what is not an answer is never cached
  if (use_cache) {
    ensure_private_dir(cache_file.parent_path());
    write_file_atomic(cache_file, body);
  }
  from_cache = false;
  return parsed;
}

std::optional<CensusMatch> CensusGeocoder::geocode(const std::string& address) {
  const auto url = m_options.base_url + "/geographies/onelineaddress?address=" + url_encode(address) +
                   "&benchmark=" + k_census_benchmark + "&vintage=" + k_census_vintage + "&layers=all&format=json";
  bool from_cache = false;
  auto match = answer(
      url, "'" + text::excerpt(address) + "'", "", [&url](const std::string& body) { return parse_census_json(body, url); },
      from_cache);
  if (match) {
    match->from_cache = from_cache;
  }
  return match;
}

std::vector<BatchAnswer> CensusGeocoder::geocode_batch(const std::vector<BatchAddress>& addresses) {
  if (addresses.size() > k_census_batch_limit) {
    throw Error("a Census batch holds at most 10,000 addresses, not " + std::to_string(addresses.size()));
  }
  const auto url = m_options.base_url + "/geographies/addressbatch";
  bool from_cache = false;
  auto answers = answer(
      url, std::to_string(addresses.size()) + " addresses", batch_file(addresses),
      [&addresses](const std::string& body) { return parse_census_batch(body, addresses); }, from_cache);
  for (auto& a : answers) {
    if (a.match) {
      a.match->from_cache = from_cache;
    }
  }
  return answers;
}

std::optional<CensusMatch> parse_census_json(const std::string& body, const std::string& url) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(body);
  } catch (const nlohmann::json::exception&) {
    throw Error("the Census Geocoder sent something that is not JSON (from " + url + ")")
        .hint("the service may be down or behind a captive portal; try again later");
  }
  const auto not_an_answer = [&url] {
    return Error("the Census Geocoder sent JSON that is not a geocoding answer (from " + url + ")")
        .hint("the service may be down or behind a captive portal; try again later");
  };
  if (!doc.is_object()) {
    throw not_an_answer();
  }
  if (doc.contains("errors")) {
    throw Error("the Census Geocoder refused the request: " + text::excerpt(doc["errors"].dump(), 300));
  }
  try {
    const auto& matches = doc.at("result").at("addressMatches");
    if (!matches.is_array()) {
      throw not_an_answer();
    }
    if (matches.empty()) {
      return std::nullopt;
    }
    const auto& first = matches.front();
    CensusMatch match;
    match.point = {first.at("coordinates").at("y").get<double>(), first.at("coordinates").at("x").get<double>()};
    if (!in_range(match.point)) {
      throw not_an_answer();
    }
    match.matched_address = first.value("matchedAddress", "");
    match.candidates = static_cast<int>(matches.size());
    if (first.contains("geographies") && first["geographies"].is_object()) {
      collect_geoids(first["geographies"], match);
    }
    return match;
  } catch (const nlohmann::json::exception&) {
    throw not_an_answer();
  }
}

std::vector<BatchAnswer> parse_census_batch(const std::string& body, const std::vector<BatchAddress>& asked) {
  // id, input, Match|No_Match|Tie, Exact|Non_Exact, matched address, "lon,lat", ...
  std::map<std::string, std::optional<CensusMatch>> found;
  try {
    csv::read(body, "the Census batch answer", [&](csv::Record&& row) {
      if (row.fields.size() < 3 || (row.fields[2] != "Match" && row.fields[2] != "No_Match" && row.fields[2] != "Tie")) {
        return;
      }
      auto& entry = found[row.fields[0]];
      const auto comma = row.fields.size() >= 6 ? row.fields[5].find(',') : std::string::npos;
      if (row.fields[2] != "Match" || comma == std::string::npos) {
        return;
      }
      const auto point = parse_latlon(row.fields[5].substr(comma + 1) + "," + row.fields[5].substr(0, comma));
      if (!point) {
        return;
      }
      CensusMatch match;
      match.point = *point;
      match.match_type = row.fields[3];
      match.matched_address = row.fields[4];
      entry = std::move(match);
    });
  } catch (const Error&) {
    found.clear();  // not CSV: counted as no answer below
  }
  std::vector<BatchAnswer> answers;
  std::size_t named = 0;
  for (const auto& address : asked) {
    BatchAnswer answer{address.id, std::nullopt};
    if (auto it = found.find(address.id); it != found.end()) {
      answer.match = it->second;
      ++named;
    }
    answers.push_back(std::move(answer));
  }
  // The Census answers every address it was sent, matched or not.
  if (named < asked.size()) {
    throw Error("the Census Geocoder's batch answer names " + std::to_string(named) + " of the " +
                std::to_string(asked.size()) + " addresses sent")
        .hint("the service may be down or behind a captive portal; try again later");
  }
  return answers;
}

}  // namespace civic::geo
