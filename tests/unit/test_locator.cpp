// Point in polygon through the cell index, on made-up districts: holes,
// multipolygons, shared edges, the antimeridian, state overlaps and gaps.
#include <doctest/doctest.h>

#include "core/data/reference_db.hpp"
#include "core/geo/cells.hpp"
#include "core/geo/locator.hpp"
#include "support/boundaries.hpp"
#include "support/test_env.hpp"

using namespace civic;
using namespace civic::test;

namespace {

constexpr double k_metre_lon_at_equator = 1.0 / 111320.0;

std::vector<std::string> geoids(const std::vector<geo::DistrictMatch>& matches) {
  std::vector<std::string> out;
  for (const auto& m : matches) {
    out.push_back(m.info->geoid);
  }
  return out;
}

struct Fixture {
  Fixture() {
    write_boundary_db(dir / "reference.db",
                      {
                          // A square with a hole, and an island district filling the hole.
                          {"cd", "WA", "5301", {{box(0, 0, 1, 1), box(0.4, 0.4, 0.6, 0.6)}}},
                          {"cd", "WA", "5302", {{box(0.4, 0.4, 0.6, 0.6)}}},
                          // A district sharing the square's east edge.
                          {"cd", "WA", "5303", {{box(1, 0, 2, 1)}}},
                          // A district of two parts.
                          {"cd", "OR", "4101", {{box(3, 0, 4, 1)}, {box(5, 0, 6, 1)}}},
                          // Across the antimeridian, as Alaska's western Aleutians are.
                          {"cd", "AK", "0200", {{box(172, 51, 180, 53)}, {box(-180, 51, -170, 53)}}},
                          // State districts: two states' files overlap over lon 1.0..1.001.
                          {"sldu", "WA", "53001", {{box(0, 0, 1.001, 1)}}},
                          {"sldu", "OR", "41001", {{box(1.0, 0, 2, 1)}}},
                          // A gap: WA's lower district stops 50 m short of the edge.
                          {"sldl", "WA", "53001", {{box(0, 0, 1 - 50 * k_metre_lon_at_equator, 1)}}},
                      });
    db = std::make_unique<SQLite::Database>(data::open_reference(dir / "reference.db"));
    locator = std::make_unique<geo::Locator>(*db);
  }
  World world;  // sets where the modules are
  TempDir dir;
  std::unique_ptr<SQLite::Database> db;
  std::unique_ptr<geo::Locator> locator;
};

}  // namespace

TEST_CASE("a hole belongs to the district inside it, not to the one around it") {
  Fixture f;
  CHECK(geoids(f.locator->locate({0.5, 0.5}).cd) == std::vector<std::string>{"5302"});
  CHECK(geoids(f.locator->locate({0.2, 0.2}).cd) == std::vector<std::string>{"5301"});
  const auto near_hole = f.locator->locate({0.5, 0.4 - 30 * k_metre_lon_at_equator});
  CHECK(geoids(near_hole.cd) == std::vector<std::string>{"5301"});
  CHECK(near_hole.near_boundary);
}

TEST_CASE("both parts of a multipolygon are the same district; the water between is none") {
  Fixture f;
  CHECK(geoids(f.locator->locate({0.5, 3.5}).cd) == std::vector<std::string>{"4101"});
  CHECK(geoids(f.locator->locate({0.5, 5.5}).cd) == std::vector<std::string>{"4101"});
  const auto between = f.locator->locate({0.5, 4.5});
  CHECK(between.cd.empty());
  CHECK(between.state.empty());
}

TEST_CASE("a point on a shared edge is in both districts and near the boundary") {
  Fixture f;
  const auto on_edge = f.locator->locate({0.2, 1.0});
  CHECK(geoids(on_edge.cd).size() == 2);
  CHECK(on_edge.near_boundary);
  const auto close = f.locator->locate({0.2, 1.0 - 70 * k_metre_lon_at_equator});
  REQUIRE(geoids(close.cd) == std::vector<std::string>{"5301"});
  CHECK(close.near_boundary);
  CHECK(close.cd[0].edge_distance_m == doctest::Approx(70).epsilon(0.05));
  const auto far = f.locator->locate({0.2, 1.0 - 500 * k_metre_lon_at_equator});
  CHECK(geoids(far.cd) == std::vector<std::string>{"5301"});
  CHECK_FALSE(far.near_boundary);
}

TEST_CASE("an edge with no district across it is not a boundary") {
  Fixture f;
  // 50 m inside the square's west edge, where nothing lies beyond.
  const auto coast = f.locator->locate({0.5, 50 * k_metre_lon_at_equator});
  CHECK(geoids(coast.cd) == std::vector<std::string>{"5301"});
  CHECK_FALSE(coast.near_boundary);
  CHECK(coast.nearest_edge_m == doctest::Approx(50).epsilon(0.05));
}

TEST_CASE("Alaska across the antimeridian: both sides are the at-large district") {
  Fixture f;
  CHECK(geoids(f.locator->locate({52, 173.1}).cd) == std::vector<std::string>{"0200"});
  CHECK(geoids(f.locator->locate({52, -175}).cd) == std::vector<std::string>{"0200"});
  CHECK(geoids(f.locator->locate({52, 179.99999}).cd) == std::vector<std::string>{"0200"});
  CHECK(f.locator->locate({52, 171}).cd.empty());
}

TEST_CASE("where two states' legislative files overlap, the congressional district's state wins") {
  Fixture f;
  const auto overlap = f.locator->locate({0.5, 1.0005});
  REQUIRE(geoids(overlap.cd) == std::vector<std::string>{"5303"});
  // 5303 is in WA here: WA's district wins, OR's is reported.
  CHECK(geoids(overlap.sldu) == std::vector<std::string>{"53001"});
  REQUIRE(overlap.other_states.size() == 1);
  CHECK(overlap.other_states[0].info->state == "OR");
  CHECK(overlap.near_boundary);
}

TEST_CASE("a point in a gap between files gets its state's nearest district, marked") {
  Fixture f;
  const auto gap = f.locator->locate({0.5, 1 - 20 * k_metre_lon_at_equator});
  REQUIRE(gap.sldl.size() == 1);
  CHECK(gap.sldl[0].info->geoid == "53001");
  CHECK(gap.sldl[0].nearest_only);
  CHECK(gap.sldl[0].edge_distance_m == doctest::Approx(30).epsilon(0.1));
  CHECK(gap.near_boundary);
}

TEST_CASE("bulk mode (leaves in memory) answers as lookups do") {
  Fixture f;
  geo::Locator bulk(*f.db, geo::Locator::load_index(*f.db));
  for (const geo::LatLon p : {geo::LatLon{0.5, 0.5}, {0.2, 0.2}, {0.5, 3.5}, {52, 173.1}, {0.5, 1.0005}, {9, 9}}) {
    const auto a = f.locator->locate(p);
    const auto b = bulk.locate(p);
    CHECK(geoids(a.cd) == geoids(b.cd));
    CHECK(geoids(a.sldu) == geoids(b.sldu));
    CHECK(a.near_boundary == b.near_boundary);
  }
}

TEST_CASE("a damaged run of leaves is reported, by lookups and by bulk work") {
  Fixture f;
  {
    SQLite::Database writable((f.dir / "reference.db").string(), SQLite::OPEN_READWRITE);
    writable.exec("UPDATE cell_leaves SET leaves = x'0102030405' WHERE key >> 32 = 0");
  }
  geo::Locator lookups(*f.db);
  CHECK_THROWS_WITH_AS(lookups.locate({0.5, 0.2}), doctest::Contains("the cell index is damaged"), Error);
  CHECK_THROWS_WITH_AS(geo::Locator::load_index(*f.db), doctest::Contains("the cell index is damaged"), Error);
}

TEST_CASE("cell codes interleave longitude and latitude; packed leaves round-trip") {
  CHECK(geo::cell_code({-90, -180}) == 0);
  CHECK(geo::cell_code({90, 180}) == 0xFFFFFFFFu);
  CHECK(geo::cell_code({0, 0}) == 0xC0000000u);
  const std::vector<geo::CellLeaf> leaves = {{1, 5, 7}, {6, 6, 0}, {0xFFFFFF00u, 0xFFFFFFFFu, 123456}};
  const geo::PackedLeaves back(geo::pack_leaves(leaves));
  REQUIRE(back.size() == 3);
  CHECK(back.at(2).start == 0xFFFFFF00u);
  CHECK(back.at(2).boundary == 123456);
  CHECK_THROWS_AS(geo::PackedLeaves("12345"), Error);
  // A code finds the leaf whose range holds it, and nothing between ranges.
  CHECK(back.find(1)->boundary == 7);
  CHECK(back.find(5)->boundary == 7);
  CHECK(back.find(6)->boundary == 0);
  CHECK_FALSE(back.find(0).has_value());
  CHECK_FALSE(back.find(7).has_value());
  CHECK(back.find(0xFFFFFFFFu)->boundary == 123456);
  // A leaf reaching across many prefixes of codes is found from each.
  const std::vector<geo::CellLeaf> wide_leaves = {{0xFFFE, 0x30005, 9}, {0x30006, 0x40000, 0}, {0x50000, 0x50000, 4}};
  const geo::PackedLeaves wide(geo::pack_leaves(wide_leaves));
  CHECK(wide.find(0x20000)->boundary == 9);
  CHECK(wide.find(0x30005)->boundary == 9);
  CHECK(wide.find(0x40000)->boundary == 0);
  CHECK_FALSE(wide.find(0x40001).has_value());
  CHECK_FALSE(wide.find(0x4FFFF).has_value());
  CHECK(wide.find(0x50000)->boundary == 4);
  CHECK_FALSE(wide.find(0x50001).has_value());
  CHECK_FALSE(geo::PackedLeaves().find(5).has_value());
}
