#pragma once
// The seats that represent a located place: its two senators, its
// representative or delegate (several candidates from a ZIP code), its
// state senator(s) and representative(s), and the governor. Vacant seats
// stay in the list. Each holder's nearest district office is found when
// the place has a point and the office has coordinates.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/geo/place.hpp"
#include "core/reps/directory.hpp"

namespace civic::reps {

struct LocatedSeat {
  Seat seat;
  std::optional<std::size_t> nearest_office;  // index into holder->offices
  std::optional<double> nearest_office_km;
};

// `filter` narrows by chamber and level (its state and district are ignored).
std::vector<LocatedSeat> seats_for_location(SQLite::Database& db, const geo::Location& location,
                                            const SeatQuery& filter);

// A seat of a located place, pointing into a SeatCache.
struct SeatRef {
  const Seat* seat = nullptr;
  std::optional<std::size_t> nearest_office;  // index into seat->holder->offices
};

// The seats of each set of districts, read once: bulk work (campaigns)
// locates thousands of places that share a few hundred districts.
class SeatCache {
 public:
  const std::vector<Seat>& seats(SQLite::Database& db, const std::string& state, const std::set<std::string>& ids);
  // seats_for_location without a copy of each seat: the seats that `filter`
  // wants are sorted out once per set of districts.
  std::vector<SeatRef> located(SQLite::Database& db, const geo::Location& location, const SeatQuery& filter);

 private:
  std::map<std::string, std::vector<Seat>> m_seats;
  std::map<std::string, std::vector<const Seat*>> m_wanted;  // by districts and filter
};

}  // namespace civic::reps
