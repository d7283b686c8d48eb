#include "core/geo/place.hpp"

#include <cmath>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "core/db/statement.hpp"
#include "core/error.hpp"
#include "core/reps/address.hpp"
#include "core/util/text.hpp"

namespace civic::geo {
namespace {

std::string join_labels(const std::vector<DistrictMatch>& matches) {
  std::vector<std::string> labels;
  for (const auto& m : matches) {
    labels.push_back(cd_label(m.info->state, m.info->geoid));
  }
  return text::join(labels, ", ");
}

// Why a located point has no state legislative district on a layer.
void add_missing_layer_notes(Location& location) {
  const std::pair<const std::vector<DistrictMatch>*, const char*> layers[] = {{&location.sldu, "upper"},
                                                                             {&location.sldl, "lower"}};
  for (const auto& [matches, chamber] : layers) {
    if (!matches->empty()) {
      continue;
    }
    const bool lower = std::string_view(chamber) == "lower";
    if (location.state == "DC") {
      if (!lower) {
        location.notes.emplace_back("DC's council wards are not in the boundary data");
      }
    } else if (location.state == "NE" && lower) {
      location.notes.emplace_back("Nebraska's legislature has one chamber");
    } else {
      location.notes.push_back(std::string("no state ") + chamber +
                               " district contains the point (water, or an area the districts leave out)");
    }
  }
}

}  // namespace

std::string_view to_string(PointSource source) {
  switch (source) {
    case PointSource::input: return "input";
    case PointSource::census: return "census";
    case PointSource::zip: return "zip";
  }
  return "input";
}

std::string cd_label(const std::string& state, const std::string& geoid) {
  const auto code = geoid.size() == 4 ? geoid.substr(2) : geoid;
  if (code == "00" || code == "98") {
    return state + "-AL";
  }
  return state + "-" + std::to_string(std::atoi(code.c_str()));
}

Location locate_point(Locator& locator, LatLon point, std::string input, PointSource source) {
  auto districts = locator.locate(point);
  Location location;
  location.input = std::move(input);
  location.source = source;
  location.point = point;
  location.state = districts.state;
  location.cd = std::move(districts.cd);
  location.sldu = std::move(districts.sldu);
  location.sldl = std::move(districts.sldl);
  location.other_states = std::move(districts.other_states);
  location.near_boundary = districts.near_boundary;
  if (std::isfinite(districts.nearest_edge_m)) {
    location.nearest_edge_m = districts.nearest_edge_m;
  }
  if (location.cd.empty()) {
    location.notes.emplace_back("the point is in no congressional district: outside the United States or offshore");
  }
  if (location.cd.size() > 1) {
    location.notes.push_back("the point lies on the line between " + join_labels(location.cd));
  }
  for (const auto* layer : {&location.sldu, &location.sldl}) {
    for (const auto& m : *layer) {
      if (m.nearest_only) {
        location.notes.push_back(fmt::format("the point falls in a gap between the boundary files; {} is the "
                                             "nearest {} district, {:.0f} m away",
                                             m.info->name, m.info->layer == "sldu" ? "upper" : "lower", m.edge_distance_m));
      }
    }
  }
  if (!location.cd.empty()) {
    add_missing_layer_notes(location);
  }
  for (const auto& m : location.other_states) {
    location.notes.push_back("the point also falls in " + m.info->state + " " + m.info->name +
                             " (neighbouring states' boundary files overlap); " + location.state + "'s districts win");
  }
  return location;
}

std::optional<std::string> zip_of_address(std::string_view address) { return reps::trailing_zip(address); }

Location locate_zip(SQLite::Database& db, std::string_view zip_text, std::string input) {
  const std::string zip(text::trim(zip_text));
  if (!reps::is_zip_code(zip)) {
    throw usage_error("'" + zip.substr(0, 40) + "' is not a ZIP code").hint("give five digits, such as 98101 or 98101-1234");
  }
  Location location;
  location.input = std::move(input);
  location.source = PointSource::zip;
  location.zip = zip.substr(0, 5);
  location.legislative_known = false;
  SQLite::Statement rows(db,
                         "SELECT z.state, z.division_id, COALESCE(b.geoid, ''), COALESCE(b.district, ''), "
                         "COALESCE(b.name, ''), COALESCE(b.vintage, '') FROM zip_district z LEFT JOIN boundary b ON b.division_id = "
                         "z.division_id AND b.layer = 'cd' WHERE z.zcta = ? ORDER BY b.geoid");
  rows.bind(1, location.zip);
  while (rows.executeStep()) {
    auto info = std::make_shared<District>();
    info->layer = "cd";
    info->state = db::text(rows, 0);
    info->division_id = db::text(rows, 1);
    info->geoid = db::text(rows, 2);
    info->district = db::text(rows, 3);
    info->name = db::text(rows, 4);
    info->vintage = db::text(rows, 5);
    location.state = info->state;
    DistrictMatch match;
    match.info = std::move(info);
    location.cd.push_back(std::move(match));
  }
  if (location.cd.empty()) {
    throw Error("ZIP code " + location.zip + " has no area in the ZIP-to-district table")
        .hint("post-office-box and business ZIP codes have none; give a street address or --latlon");
  }
  if (location.cd.size() > 1) {
    location.near_boundary = true;
    location.notes.push_back("ZIP " + location.zip + " spans " + std::to_string(location.cd.size()) +
                             " congressional districts (" + join_labels(location.cd) +
                             "); give an address or coordinates to know which one");
  }
  location.notes.emplace_back(k_legislative_unknown_note);
  return location;
}

Location locate_address(const std::string& address, SQLite::Database& db, Locator& locator, CensusGeocoder* census) {
  if (text::trim(address).empty()) {
    throw usage_error("the address is empty").hint("give a street address, such as \"1600 Pennsylvania Ave NW, "
                                                   "Washington, DC 20500\"");
  }
  if (census == nullptr) {
    const auto zip = zip_of_address(address);
    if (!zip) {
      throw Error("offline, and the address has no ZIP code to fall back on")
          .hint("add the ZIP code, give --latlon, or drop --offline to ask the Census Geocoder");
    }
    auto location = locate_zip(db, *zip, address);
    location.notes.insert(location.notes.begin(),
                          "offline: the address was not geocoded; its ZIP code " + *zip + " was used instead");
    return location;
  }
  auto match = census->geocode(address);
  if (!match) {
    throw Error("the Census Geocoder found no match for '" + address + "'")
        .hint("check the spelling, add the city and state or the ZIP code, or give --latlon");
  }
  auto location = locate_point(locator, match->point, address, PointSource::census);
  if (match->candidates > 1) {
    location.notes.push_back("the address matched " + std::to_string(match->candidates) +
                             " places; the first, " + match->matched_address + ", was used");
  }
  location.census = std::move(match);
  return location;
}

}  // namespace civic::geo
