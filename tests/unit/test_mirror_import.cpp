// The real open-data mirror (../shared/reps-data): invariants of the
// import, checked against the source files read independently.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <regex>
#include <set>

#include <SQLiteCpp/Statement.h>
#include <yaml-cpp/yaml.h>

#include "core/data/file_tree.hpp"
#include "core/data/import.hpp"
#include "core/data/reference_db.hpp"
#include "core/modules/geometry.hpp"
#include "core/data/update.hpp"
#include "core/geo/locator.hpp"
#include "core/geo/place.hpp"
#include "core/letters/recipient.hpp"
#include "core/reps/directory.hpp"
#include "core/reps/district_key.hpp"
#include "core/reps/for_location.hpp"
#include "core/reps/states.hpp"
#include "core/util/text.hpp"
#include "support/mock_server.hpp"
#include "support/test_env.hpp"

using namespace civic;
using namespace civic::test;
namespace fs = std::filesystem;

namespace {

// One import of the real mirror, shared by the tests of this file.
World& imported() {
  static World world;
  static const bool done = [] {
    data::update_reference({real_mirror().string(), world.data_dir(), world.dir / "cache", "test"}, world.env(), {});
    return true;
  }();
  (void)done;
  return world;
}

SQLite::Database open() { return data::open_reference(imported().data_dir() / "reference.db"); }

std::map<std::string, int> counts(SQLite::Database& db, const std::string& sql) {
  SQLite::Statement rows(db, sql);
  std::map<std::string, int> out;
  while (rows.executeStep()) {
    out[rows.getColumn(0).getString()] = rows.getColumn(1).getInt();
  }
  return out;
}

}  // namespace

TEST_CASE("every state has two senators, listed as held seats") {
  auto db = open();
  int states = 0;
  for (const auto& state : reps::all_states()) {
    const auto seats = reps::find_seats(db, {std::string(state.code), std::nullopt, reps::Chamber::senate, std::nullopt});
    if (!reps::has_senators(state)) {
      CHECK(seats.empty());
      continue;
    }
    ++states;
    REQUIRE_MESSAGE(seats.size() == 2, state.code);
    CHECK_MESSAGE(!seats[0].vacant(), state.code);
    CHECK_MESSAGE(!seats[1].vacant(), state.code);
    CHECK(seats[0].role.state_rank == "senior");
  }
  CHECK(states == 50);
}

TEST_CASE("each House seat has exactly one member or is reported vacant") {
  auto db = open();
  CHECK(db.execAndGet("SELECT COUNT(*) FROM division WHERE chamber = 'house'").getInt() == 441);
  // No district with two members; every member sits in exactly one district.
  CHECK(db.execAndGet("SELECT COUNT(*) FROM (SELECT division_id FROM role_division rd JOIN role r ON r.id = rd.role_id "
                      "WHERE r.chamber = 'house' GROUP BY division_id HAVING COUNT(*) > 1)")
            .getInt() == 0);
  CHECK(db.execAndGet("SELECT COUNT(*) FROM role r WHERE chamber = 'house' AND (SELECT COUNT(*) FROM role_division "
                      "rd WHERE rd.role_id = r.id) != 1")
            .getInt() == 0);
  int held = 0;
  int vacant = 0;
  for (const auto& state : reps::all_states()) {
    for (const auto& seat :
         reps::find_seats(db, {std::string(state.code), std::nullopt, reps::Chamber::house, std::nullopt})) {
      (seat.vacant() ? vacant : held) += 1;
    }
  }
  CHECK(held == db.execAndGet("SELECT COUNT(*) FROM role WHERE chamber = 'house'").getInt());
  CHECK(held + vacant == 441);
}

TEST_CASE("delegates and at-large seats carry their titles") {
  auto db = open();
  const std::map<std::string, std::string> titles = {
      {"DC", "Delegate"}, {"PR", "Resident Commissioner"}, {"GU", "Delegate"}, {"VI", "Delegate"},
      {"AS", "Delegate"}, {"MP", "Delegate"},              {"AK", "Representative"}};
  for (const auto& [state, title] : titles) {
    const auto seats = reps::find_seats(db, {state, std::nullopt, reps::Chamber::house, std::nullopt});
    REQUIRE_MESSAGE(seats.size() == 1, state);
    CHECK(seats[0].role.title == title);
    CHECK(seats[0].at_large);
  }
}

TEST_CASE("state legislator counts per chamber match the YAML files") {
  // Count current roles straight from the files, with yaml-cpp alone.
  std::map<std::string, int> expected;
  const auto root = real_mirror() / "openstates-people/data";
  for (const auto& state : fs::directory_iterator(root)) {
    if (state.path().filename() == "us" || !fs::is_directory(state.path() / "legislature")) {
      continue;
    }
    for (const auto& file : fs::directory_iterator(state.path() / "legislature")) {
      // Current roles; a person whose roles have all ended keeps the latest (see reps-data/README.md).
      std::vector<std::string> current;
      std::string latest_end;
      std::string latest_type;
      for (const auto& role : YAML::LoadFile(file.path().string())["roles"]) {
        const auto end = role["end_date"] ? role["end_date"].as<std::string>() : "";
        const auto type = role["type"].as<std::string>();
        if (end.empty() || end >= "2026-11-28") {
          current.push_back(type);
        } else if (end > latest_end) {
          latest_end = end;
          latest_type = type;
        }
      }
      if (current.empty()) {
        current.push_back(latest_type);
      }
      const auto code = text::upper(state.path().filename().string());
      for (const auto& type : current) {
        ++expected[code + " " + (type == "lower" ? "lower" : "upper")];
      }
    }
  }
  auto db = open();
  const auto actual = counts(db, "SELECT state || ' ' || chamber, COUNT(*) FROM role WHERE chamber IN "
                                 "('upper', 'lower') GROUP BY state, chamber");
  for (const auto& [key, n] : expected) {
    CHECK_MESSAGE(actual.count(key) == 1, key);
    if (actual.count(key) == 1) {
      CHECK_MESSAGE(actual.at(key) == n, key);
    }
  }
  CHECK(actual.size() == expected.size());
  CHECK(actual.at("WA lower") == 98);
  CHECK(actual.at("NE upper") == 49);
}

TEST_CASE("state districts link to their holders; vacancies are few and real") {
  auto db = open();
  // Holders that sit in no district: seats without a boundary of their own
  // (New Hampshire's floterial districts, Maine's tribal members, PR and DC at-large).
  const auto unlinked = counts(db,
                               "SELECT state, COUNT(*) FROM role r WHERE chamber IN ('upper','lower') AND NOT EXISTS "
                               "(SELECT 1 FROM role_division rd WHERE rd.role_id = r.id) GROUP BY state");
  for (const auto& [state, n] : unlinked) {
    CHECK_MESSAGE((state == "NH" || state == "ME" || state == "PR" || state == "DC"), state, " ", n);
  }
  const int vacant = db.execAndGet("SELECT COUNT(*) FROM division d WHERE chamber IN ('upper','lower') AND NOT "
                                   "EXISTS (SELECT 1 FROM role_division rd WHERE rd.division_id = d.id)")
                         .getInt();
  const int districts = db.execAndGet("SELECT COUNT(*) FROM division WHERE chamber IN ('upper','lower')").getInt();
  CHECK(districts > 6700);
  CHECK(vacant < 40);
  const auto wa = reps::find_seats(db, {"WA", std::nullopt, reps::Chamber::lower, std::nullopt});
  CHECK(wa.size() == 98);
  for (const auto& seat : wa) {
    CHECK(seat.district_members == 2);  // Washington elects two representatives per district
  }
}

TEST_CASE("the mirror served over HTTP on 127.0.0.1 imports the same data") {
  World world;
  MockServer server;
  server.serve_directory(real_mirror());
  data::update_reference({server.url() + "/", world.data_dir(), world.dir / "cache", "test"}, world.env(), {});
  auto from_http = data::open_reference(world.data_dir() / "reference.db");
  auto from_dir = open();
  const auto digests = [](SQLite::Database& db) {
    return counts(db, "SELECT name || ' ' || sha256, record_count FROM dataset");
  };
  CHECK(digests(from_http) == digests(from_dir));
}

TEST_CASE("ZIP codes give every candidate district: 43125 is OH-2 and OH-15, 04103 is ME-1 only") {
  auto db = open();
  const auto split = geo::locate_zip(db, "43125", "43125");
  std::vector<std::string> cds;
  for (const auto& m : split.cd) {
    cds.push_back(m.info->geoid);
  }
  CHECK(cds == std::vector<std::string>{"3902", "3915"});
  CHECK(split.near_boundary);
  CHECK_FALSE(split.legislative_known);
  const auto single = geo::locate_zip(db, "04103", "04103");
  REQUIRE(single.cd.size() == 1);
  CHECK(single.cd[0].info->geoid == "2301");
}

TEST_CASE("points agree with the Census Geocoder's recorded answers") {
  auto db = open();
  geo::Locator locator(db);
  // The recorded coordinates answer: x=-74, y=43 is NY-20, senate 44, assembly 112.
  const auto ny = locator.locate({43, -74});
  REQUIRE(ny.cd.size() == 1);
  CHECK(ny.cd[0].info->geoid == "3620");
  CHECK(ny.sldu.at(0).info->geoid == "36044");
  CHECK(ny.sldl.at(0).info->geoid == "36112");
  // The recorded address answer: the White House is in DC's delegate district.
  const auto dc = locator.locate({38.898690918655, -77.036543957308});
  CHECK(dc.cd.at(0).info->geoid == "1198");
  const auto pr = locator.locate({18.4655, -66.1057});
  CHECK(pr.cd.at(0).info->geoid == "7298");
  const auto attu = locator.locate({52.9, 173.1});  // west of the antimeridian
  CHECK(attu.cd.at(0).info->geoid == "0200");
}

TEST_CASE("a vacant seat stays in the list for a place") {
  auto db = open();
  geo::Locator locator(db);
  const auto location = geo::locate_point(locator, {37.6688, -122.0808}, "Hayward", geo::PointSource::input);
  REQUIRE(location.cd.size() == 1);
  CHECK(location.cd[0].info->geoid == "0614");
  const auto seats = reps::seats_for_location(db, location, {});
  const auto house = std::find_if(seats.begin(), seats.end(),
                                  [](const auto& s) { return s.seat.role.chamber == reps::Chamber::house; });
  REQUIRE(house != seats.end());
  CHECK(house->seat.vacant());
  CHECK(std::count_if(seats.begin(), seats.end(),
                      [](const auto& s) { return s.seat.role.chamber == reps::Chamber::senate; }) == 2);
}

TEST_CASE("House members' district offices mostly lie in their own districts") {
  // An independent check of the polygons and the crosswalk: a member's
  // district offices are almost always inside the district (about 97.5% in
  // reality; some sit just outside, in a county seat or a federal building).
  auto db = open();
  geo::Locator locator(db);
  SQLite::Statement offices(db,
                            "SELECT o.lat, o.lon, r.state, r.district_key FROM office o JOIN role r ON "
                            "r.official_id = o.official_id WHERE r.chamber = 'house' AND o.kind = 'district' AND "
                            "o.lat IS NOT NULL");
  int total = 0;
  int inside = 0;
  while (offices.executeStep()) {
    ++total;
    const auto found = locator.locate({offices.getColumn(0).getDouble(), offices.getColumn(1).getDouble()});
    const auto expected = offices.getColumn(3).getString();
    for (const auto& m : found.cd) {
      if (m.info->state == offices.getColumn(2).getString() && reps::district_key(m.info->district) == expected) {
        ++inside;
        break;
      }
    }
  }
  const double share = static_cast<double>(inside) / total;
  MESSAGE(inside << " of " << total << " House district offices lie in their member's district (" << share * 100
                 << "%)");
  CHECK(total > 800);
  CHECK(share > 0.95);
}

TEST_CASE("the cell index agrees with the whole polygons; every disagreement is flagged near a boundary") {
  // The exact answer: each random point tested against every whole polygon
  // whose box holds it, read again from the mirror's files.
  auto db = open();
  World world;
  const auto mirror = real_mirror().string();
  auto tree = data::open_tree(mirror, *world.http);
  const data::ImportContext context{*parse_date("2026-11-28"), world.cancel, {}};
  data::DatasetFiles crosswalk_files(*tree, "crosswalks/openstates-geo/jurisdictions",
                                     data::builtin_dataset("openstates-geo"));
  const auto crosswalk = data::import_crosswalk(crosswalk_files, context).crosswalk;
  data::DatasetFiles sld_files(*tree, "state-legislative-districts/tiger2024-simplified",
                               data::builtin_dataset("tiger-sld-2024"));
  data::DatasetFiles cd_files(*tree, "congressional-districts/trackamerica", data::builtin_dataset("tiger-cd-119"));
  auto boundaries = data::import_state_districts(sld_files, crosswalk, context).boundaries;
  for (auto& b : data::import_cd_boundaries(cd_files, context).boundaries) {
    boundaries.push_back(std::move(b));
  }
  std::vector<std::unique_ptr<geo::Shape>> shapes;
  for (const auto& b : boundaries) {
    shapes.push_back(geo::geometry_module().load_shape(b.wkb));
  }

  std::mt19937 random(20261128);
  std::uniform_real_distribution<double> lat(24.5, 49.4);
  std::uniform_real_distribution<double> lon(-124.8, -66.9);
  geo::Locator locator(db, geo::Locator::load_index(db));
  int tested = 0;
  int disagreements = 0;
  int unflagged = 0;
  while (tested < 20000) {
    const geo::LatLon p{lat(random), lon(random)};
    std::map<std::string, std::set<std::string>> exact;
    for (std::size_t i = 0; i < boundaries.size(); ++i) {
      const auto& box = boundaries[i].bounds;
      if (p.lon >= box.min_lon && p.lon <= box.max_lon && p.lat >= box.min_lat && p.lat <= box.max_lat &&
          shapes[i]->covers(p)) {
        exact[boundaries[i].layer].insert(boundaries[i].geoid);
      }
    }
    if (exact["cd"].empty()) {
      continue;  // outside the country: not a test of districts
    }
    ++tested;
    const auto found = locator.locate(p);
    std::map<std::string, std::set<std::string>> ours;
    for (const auto* matches : {&found.cd, &found.sldu, &found.sldl, &found.other_states}) {
      for (const auto& m : *matches) {
        ours[m.info->layer].insert(m.info->geoid);
      }
    }
    for (const char* layer : {"cd", "sldu", "sldl"}) {
      if (ours[layer] != exact[layer]) {
        ++disagreements;
        if (!found.near_boundary) {
          ++unflagged;
          MESSAGE("unflagged disagreement at " << p.lat << "," << p.lon << " on " << layer);
        }
      }
    }
  }
  MESSAGE(disagreements << " layer disagreements in " << tested << " points x 3 layers");
  CHECK(unflagged == 0);
  CHECK(disagreements < tested * 3 / 1000);  // at least 99.9% agreement
}

TEST_CASE("every member of Congress can be written to at a full postal address, with the right salutation") {
  auto db = open();
  const std::regex city_line(R"(.+, [A-Z]{2} \d{5}(-\d{4})?)");
  int members = 0;
  int district = 0;
  std::vector<std::string> unaddressed;
  for (const auto& state : reps::all_states()) {
    reps::SeatQuery query;
    query.state = std::string(state.code);
    query.level = reps::Level::federal;
    for (const auto& seat : reps::find_seats(db, query)) {
      if (seat.vacant()) {
        continue;
      }
      ++members;
      const auto pick = letters::pick_office(*seat.holder, letters::OfficeChoice::district, std::nullopt);
      const auto recipient = letters::make_recipient(*seat.holder, seat.role, pick.office);
      CHECK_MESSAGE(recipient.salutation == "Dear " + recipient.title + " " + recipient.last_name + ":",
                    seat.holder->name);
      CHECK_MESSAGE(recipient.formal_name == "The Honorable " + seat.holder->name, seat.holder->name);
      if (recipient.address_lines.empty() || !std::regex_match(recipient.address_lines.back(), city_line)) {
        unaddressed.push_back(seat.holder->name + " (" + recipient.office_kind + ")");
        continue;
      }
      district += recipient.office_kind == "district" ? 1 : 0;
    }
  }
  MESSAGE(members << " members, " << district << " addressed at a district office; without a full address: "
                  << text::join(unaddressed, ", "));
  CHECK(members > 520);
  CHECK(unaddressed.size() <= 2);  // members too new to have an office in the data
  CHECK(district > members * 9 / 10);
}
