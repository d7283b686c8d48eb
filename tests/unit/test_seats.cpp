// SeatCache::located against seats_for_location: the same seats, in the
// same order, with the same nearest office, for places that share a cache.
#include <doctest/doctest.h>

#include <map>

#include "core/data/reference_db.hpp"
#include "core/geo/locator.hpp"
#include "core/geo/place.hpp"
#include "core/reps/for_location.hpp"
#include "support/test_env.hpp"

using namespace civic;
using namespace civic::test;

TEST_CASE("seats sorted out once per set of districts match those found place by place, at every level") {
  World world;
  load_mini_mirror(world);
  auto db = data::open_reference(world.data_dir() / "reference.db");
  geo::Locator locator(db);
  reps::SeatQuery federal, state, all;
  federal.level = reps::Level::federal;
  state.level = reps::Level::state;
  reps::SeatCache cache;
  std::map<const reps::SeatQuery*, std::size_t> compared;
  // Places in the fixture's districts, two of them sharing theirs, seen
  // twice: the second time every answer comes from the cache.
  for (int pass = 0; pass < 2; ++pass) {
    for (const geo::LatLon point : {geo::LatLon{47.5, -122.5}, geo::LatLon{47.4, -122.6}, geo::LatLon{47.5, -121.5}}) {
      const auto place = geo::locate_point(locator, point, "", geo::PointSource::input);
      REQUIRE_FALSE(place.state.empty());
      for (const auto* filter : {&federal, &state, &all}) {
        const auto expected = reps::seats_for_location(db, place, *filter);
        const auto found = cache.located(db, place, *filter);
        REQUIRE(found.size() == expected.size());
        for (std::size_t i = 0; i < found.size(); ++i) {
          CHECK(found[i].seat->role.title == expected[i].seat.role.title);
          CHECK(found[i].seat->division_id == expected[i].seat.division_id);
          const auto holder = [](const reps::Seat& seat) { return seat.holder ? seat.holder->id : "(vacant)"; };
          CHECK(holder(*found[i].seat) == holder(expected[i].seat));
          CHECK(found[i].nearest_office == expected[i].nearest_office);
          ++compared[filter];
        }
      }
    }
  }
  // Every level has seats here: state legislators and the governor too.
  CHECK(compared[&federal] > 0);
  CHECK(compared[&state] > 0);
  CHECK(compared[&all] == compared[&federal] + compared[&state]);
}
