#include "core/geo/census.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
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

CensusGeocoder::Fetched CensusGeocoder::fetch(const std::string& url, const std::string& what,
                                              const std::string& body_csv) {
  const bool use_cache = !m_options.cache_dir.empty();
  const auto cache_file = m_options.cache_dir / "census" / (sha256_hex(url + "\n" + body_csv) + ".txt");
  if (use_cache) {
    if (auto cached = read_file_if_exists(cache_file)) {
      return {std::move(*cached), true};
    }
  }
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
  if (use_cache) {
    ensure_private_dir(cache_file.parent_path());
    write_file_atomic(cache_file, response.body);
  }
  return {std::move(response.body), false};
}

std::optional<CensusMatch> CensusGeocoder::geocode(const std::string& address) {
  const auto url = m_options.base_url + "/geographies/onelineaddress?address=" + url_encode(address) +
                   "&benchmark=" + k_census_benchmark + "&vintage=" + k_census_vintage + "&layers=all&format=json";
  const auto fetched = fetch(url, "'" + address + "'", "");
  auto match = parse_census_json(fetched.body, url);
  if (match) {
    match->from_cache = fetched.from_cache;
  }
  return match;
}

std::vector<BatchAnswer> CensusGeocoder::geocode_batch(const std::vector<BatchAddress>& addresses) {
  if (addresses.size() > k_census_batch_limit) {
    throw Error("internal: a Census batch holds at most 10,000 addresses");
  }
  const auto url = m_options.base_url + "/geographies/addressbatch";
  const auto fetched = fetch(url, std::to_string(addresses.size()) + " addresses", batch_file(addresses));
  auto answers = parse_census_batch(fetched.body, addresses);
  for (auto& answer : answers) {
    if (answer.match) {
      answer.match->from_cache = fetched.from_cache;
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
  if (doc.contains("errors")) {
    throw Error("the Census Geocoder refused the request: " + doc["errors"].dump());
  }
  const auto matches = doc.value("/result/addressMatches"_json_pointer, nlohmann::json::array());
  if (!matches.is_array() || matches.empty()) {
    return std::nullopt;
  }
  const auto& first = matches.front();
  CensusMatch match;
  try {
    match.point = {first.at("coordinates").at("y").get<double>(), first.at("coordinates").at("x").get<double>()};
    match.matched_address = first.value("matchedAddress", "");
  } catch (const nlohmann::json::exception&) {
    throw Error("the Census Geocoder's answer has no coordinates (from " + url + ")");
  }
  match.candidates = static_cast<int>(matches.size());
  if (first.contains("geographies")) {
    collect_geoids(first["geographies"], match);
  }
  return match;
}

std::vector<BatchAnswer> parse_census_batch(const std::string& body, const std::vector<BatchAddress>& asked) {
  std::map<std::string, CensusMatch> found;
  csv::read(body, "the Census batch answer", [&](csv::Record&& row) {
    // id, input, Match|No_Match|Tie, Exact|Non_Exact, matched address, "lon,lat", ...
    if (row.fields.size() < 6 || row.fields[2] != "Match") {
      return;
    }
    const auto comma = row.fields[5].find(',');
    if (comma == std::string::npos) {
      return;
    }
    CensusMatch match;
    try {
      match.point = {std::stod(row.fields[5].substr(comma + 1)), std::stod(row.fields[5].substr(0, comma))};
    } catch (const std::exception&) {
      return;
    }
    match.match_type = row.fields[3];
    match.matched_address = row.fields[4];
    found[row.fields[0]] = std::move(match);
  });
  std::vector<BatchAnswer> answers;
  for (const auto& address : asked) {
    BatchAnswer answer{address.id, std::nullopt};
    if (auto it = found.find(address.id); it != found.end()) {
      answer.match = it->second;
    }
    answers.push_back(std::move(answer));
  }
  return answers;
}

}  // namespace civic::geo
