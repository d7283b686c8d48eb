// The fixture mirror (tests/fixtures/mini-mirror) through the real importers.
#include <doctest/doctest.h>

#include <SQLiteCpp/Statement.h>

#include "core/data/reference_db.hpp"
#include "core/data/update.hpp"
#include "core/reps/directory.hpp"
#include "core/util/files.hpp"
#include "core/util/sha256.hpp"
#include "support/test_env.hpp"

using namespace civic;
using namespace civic::test;

namespace {

data::UpdateOptions mini_options(World& world) {
  return data::UpdateOptions{mini_mirror().string(), world.data_dir(), world.dir / "cache", "test"};
}

int count(SQLite::Database& db, const std::string& sql) { return db.execAndGet(sql).getInt(); }

std::string text(SQLite::Database& db, const std::string& sql) { return db.execAndGet(sql).getString(); }

}  // namespace

TEST_CASE("the fixture mirror imports every official, district and dataset") {
  World world;
  const auto summary = data::update_reference(mini_options(world), world.env(), {});
  CHECK(summary.database == world.data_dir() / "reference.db");
  auto db = data::open_reference(summary.database);

  CHECK(count(db, "SELECT COUNT(*) FROM official") == 17);
  CHECK(count(db, "SELECT COUNT(*) FROM official WHERE name = 'Ignored Federal'") == 0);
  CHECK(count(db, "SELECT COUNT(*) FROM dataset") == 8);
  CHECK(text(db, "SELECT version FROM dataset WHERE name = 'openstates-people'") == std::string(40, '2'));
  CHECK(text(db, "SELECT version_date FROM dataset WHERE name = 'congress-legislators'") == "2026-11-01");
  CHECK(text(db, "SELECT version FROM dataset WHERE name = 'tiger-sld-2024'").empty());
  CHECK(text(db, "SELECT retrieved_at FROM dataset WHERE name = 'congress-legislators'") == "2026-11-28T12:00:00Z");
  CHECK(count(db, "SELECT record_count FROM dataset WHERE name = 'openstates-people'") == 11);

  // Districts: the obsolete WA-3 and the ZZZ water area are left out.
  CHECK(count(db, "SELECT COUNT(*) FROM division WHERE chamber = 'house'") == 4);
  CHECK(count(db, "SELECT COUNT(*) FROM division WHERE id LIKE '%cd:3'") == 0);
  CHECK(count(db, "SELECT COUNT(*) FROM division WHERE census_geoid LIKE '%ZZZ'") == 0);
  CHECK(text(db, "SELECT id FROM division WHERE census_geoid = '50CHN'") ==
        "ocd-division/country:us/state:vt/sldu:chittenden-north");
  CHECK(text(db, "SELECT district FROM division WHERE census_geoid = '53002' AND chamber = 'lower'") == "2");
  CHECK(text(db, "SELECT census_geoid FROM division WHERE id = 'ocd-division/country:us/state:wa/cd:2'") == "5302");

  // Boundaries: four congressional districts, six state ones; ZIP rows.
  CHECK(count(db, "SELECT COUNT(*) FROM boundary WHERE layer = 'cd'") == 4);
  CHECK(text(db, "SELECT division_id FROM boundary WHERE geoid = '1198'") ==
        "ocd-division/country:us/district:dc/cd:at-large");
  CHECK(text(db, "SELECT division_id FROM boundary WHERE geoid = '5000'") ==
        "ocd-division/country:us/state:vt/cd:at-large");
  CHECK(count(db, "SELECT COUNT(*) FROM boundary WHERE layer != 'cd'") == 6);
  CHECK(count(db, "SELECT COUNT(*) FROM zip_district WHERE zcta = '98002'") == 2);
  // Each layer's leaves start a run of rows keyed by layer.
  for (std::int64_t layer = 0; layer < 3; ++layer) {
    CHECK(count(db, "SELECT COUNT(*) FROM cell_leaves WHERE key >> 32 = " + std::to_string(layer)) > 0);
  }

  // Goods: one row per good and country; a good made with tainted inputs
  // names the country they come from.
  CHECK(count(db, "SELECT COUNT(*) FROM labor_good") == 4);
  CHECK(count(db, "SELECT record_count FROM dataset WHERE name = 'ilab-goods'") == 4);
  CHECK(text(db, "SELECT tainted_input_country FROM labor_good WHERE good = 'Lithium-Ion Batteries'") ==
        "Republic of Sample");
  CHECK(count(db, "SELECT forced_child_labor FROM labor_good WHERE country LIKE 'C%te d''Exemple'") == 1);
  CHECK(text(db, "SELECT version FROM dataset WHERE name = 'ilab-goods'") == std::string(40, '5'));
}

TEST_CASE("the dataset digest is the sha256 over the files it read") {
  World world;
  data::update_reference(mini_options(world), world.env(), {});
  auto db = data::open_reference(world.data_dir() / "reference.db");
  std::vector<data::FileRecord> files;
  for (const char* name : {"legislators-current.yaml", "legislators-district-offices.yaml",
                           "legislators-social-media.yaml"}) {
    const auto content = read_file(mini_mirror() / "congress-legislators" / name);
    files.push_back({name, content.size(), sha256_hex(content)});
  }
  CHECK(text(db, "SELECT sha256 FROM dataset WHERE name = 'congress-legislators'") == data::dataset_digest(files));
  CHECK(text(db, "SELECT sha256 FROM dataset_file WHERE path = 'legislators-current.yaml'") == files[0].sha256);
}

TEST_CASE("every fact names the dataset file it came from") {
  World world;
  data::update_reference(mini_options(world), world.env(), {});
  auto db = data::open_reference(world.data_dir() / "reference.db");
  const auto carol = reps::find_official(db, "c000003");
  REQUIRE(carol);
  REQUIRE(carol->offices.size() == 2);
  CHECK(carol->offices[0].kind == "capitol");
  CHECK(carol->offices[0].address == "300 Longworth House Office Building, Washington, DC 20515-4701");
  CHECK(carol->offices[0].source == "congress-legislators/legislators-current.yaml");
  CHECK(carol->offices[1].kind == "district");
  CHECK(carol->offices[1].address == "500 Pine St., Suite 5, Seattle, WA 98101");
  CHECK(carol->offices[1].lat == doctest::Approx(47.6114));
  CHECK(carol->offices[1].source == "congress-legislators/legislators-district-offices.yaml");
  CHECK(count(db, "SELECT COUNT(*) FROM office WHERE city = 'Nowhere'") == 0);

  const auto alice = reps::find_official(db, "govtrack:900001");
  REQUIRE(alice);
  CHECK(alice->id == "A000001");
  REQUIRE(alice->social.size() == 2);
  CHECK(alice->social[0].source == "congress-legislators/legislators-social-media.yaml");
  REQUIRE(alice->roles.size() == 1);
  CHECK(alice->roles[0].chamber == reps::Chamber::senate);
  CHECK(alice->roles[0].senate_class == 1);

  const auto gina = reps::find_official(db, "ocd-person/00000000-0000-4000-8000-000000000001");
  REQUIRE(gina);
  CHECK(gina->email == "gina.senator@leg.wa.example");
  CHECK(gina->offices[1].city == "Bothell");
  CHECK(gina->source == "openstates-people/wa/legislature/Gina-Senator.yml");
  CHECK(gina->roles[0].division_ids == std::vector<std::string>{"ocd-division/country:us/state:wa/sldu:1"});

  // A contact-form URL in the email field becomes a contact form.
  const auto mia = reps::find_official(db, "ocd-person/00000000-0000-4000-8000-000000000007");
  REQUIRE(mia);
  CHECK(mia->email.empty());
  CHECK(mia->links.at(0).kind == "contact_form");
  CHECK_FALSE(reps::find_official(db, "X999999"));
}

TEST_CASE("current roles only; a person whose terms all ended keeps the last one") {
  World world;
  data::update_reference(mini_options(world), world.env(), {});
  auto db = data::open_reference(world.data_dir() / "reference.db");
  const auto jon = reps::find_official(db, "ocd-person/00000000-0000-4000-8000-000000000004");
  REQUIRE(jon);
  REQUIRE(jon->roles.size() == 1);
  CHECK(jon->roles[0].district == "2");
  const auto leo = reps::find_official(db, "ocd-person/00000000-0000-4000-8000-000000000006");
  REQUIRE(leo);
  CHECK(leo->roles.at(0).title == "Secretary of State");
  CHECK(leo->roles.at(0).end_date == "2021-12-31");
}

TEST_CASE("seats: vacancies, multi-member districts, at-large and delegates") {
  World world;
  data::update_reference(mini_options(world), world.env(), {});
  auto db = data::open_reference(world.data_dir() / "reference.db");

  const auto wa = reps::find_seats(db, {"WA", std::nullopt, std::nullopt, std::nullopt});
  std::vector<std::string> rows;
  for (const auto& seat : wa) {
    rows.push_back(std::string(reps::to_string(seat.role.chamber)) + " " + seat.role.district + " " +
                   (seat.vacant() ? "(vacant)" : seat.holder->name) + " " + std::to_string(seat.district_members));
  }
  CHECK(rows == std::vector<std::string>{
                    "senate  Bob Sample 1", "senate  Alice Example 1", "house 1 Carol Placeholder 1",
                    "house 2 (vacant) 1", "executive  Kim Governor 1", "executive  Leo Oldtimer 1",
                    "upper 1 Gina Senator 1", "upper 2 (vacant) 1", "lower 1 Hal Rep 2", "lower 1 Ivy Rep 2",
                    "lower 2 Jon Rep 1"});
  CHECK(wa[3].division_id == "ocd-division/country:us/state:wa/cd:2");

  const auto vt = reps::find_seats(db, {"VT", std::nullopt, std::nullopt, std::nullopt});
  REQUIRE(vt.size() == 7);
  CHECK(vt[1].role.chamber == reps::Chamber::senate);
  CHECK(vt[1].vacant());
  CHECK(vt[2].at_large);
  CHECK(vt[2].role.district == "at-large");
  CHECK(vt[3].role.title == "Governor");
  CHECK(vt[3].vacant());
  // Word order differs between the people data and the crosswalk.
  CHECK(vt[5].division_id == "ocd-division/country:us/state:vt/sldl:windham-bennington-windsor");
  CHECK(vt[5].district_members == 2);

  const auto dc = reps::find_seats(db, {"DC", std::nullopt, std::nullopt, std::nullopt});
  REQUIRE(dc.size() == 3);
  CHECK(dc[0].role.title == "Delegate");
  CHECK(dc[1].role.title == "Mayor");
  CHECK(dc[2].role.title == "Councilmember");
}

TEST_CASE("seat filters: chamber, level and district") {
  World world;
  data::update_reference(mini_options(world), world.env(), {});
  auto db = data::open_reference(world.data_dir() / "reference.db");
  const auto lower = reps::find_seats(db, {"WA", std::nullopt, reps::Chamber::lower, std::nullopt});
  CHECK(lower.size() == 3);
  const auto federal = reps::find_seats(db, {"WA", std::nullopt, std::nullopt, reps::Level::federal});
  CHECK(federal.size() == 4);
  // A district names districted seats only: no senators, no governor.
  const auto one = reps::find_seats(db, {"WA", std::string("1"), std::nullopt, std::nullopt});
  CHECK(one.size() == 4);
  const auto at_large = reps::find_seats(db, {"VT", std::string("0"), reps::Chamber::house, std::nullopt});
  REQUIRE(at_large.size() == 1);
  CHECK(at_large[0].holder->name == "Dan Fixture");
  const auto named = reps::find_seats(db, {"VT", std::string("chittenden north"), std::nullopt, std::nullopt});
  REQUIRE(named.size() == 1);
  CHECK(named[0].holder->name == "Mia Named");
}
