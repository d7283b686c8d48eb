#pragma once
// Queries over reference.db: the seats of a state (held or vacant) and one
// official with every contact detail.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/reps/model.hpp"

namespace civic::reps {

struct SeatQuery {
  std::string state;                    // USPS code
  std::optional<std::string> district;  // only districted seats matching it
  std::optional<Chamber> chamber;
  std::optional<Level> level;
};

// Held seats and vacant ones, in the order a reader expects: senators,
// representative(s), governor and statewide offices, state senate, state
// house; districts in natural order.
std::vector<Seat> find_seats(SQLite::Database& db, const SeatQuery& query);

// The seats of a located place: the state's senators and chief executive,
// and the districted seats in `division_ids`; held and vacant. Loads only
// the officials it lists.
std::vector<Seat> find_place_seats(SQLite::Database& db, const std::string& state,
                                   const std::set<std::string>& division_ids);

// By bioguide id (any case), ocd-person id, or another identifier that
// names exactly one official ("govtrack:412242").
std::optional<Official> find_official(SQLite::Database& db, const std::string& id);

}  // namespace civic::reps
