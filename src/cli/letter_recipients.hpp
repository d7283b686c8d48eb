#pragma once
// Who `civic letter` writes to, as the request names them: the place's
// location (checked to name one district per seat, its notes said) or the
// officials named with --official.

#include <optional>
#include <string>
#include <vector>

#include "cli/place.hpp"
#include "core/letters/plan.hpp"
#include "core/reps/model.hpp"

namespace civic::cli {

class Runtime;

struct TargetQuery {
  PlaceOptions place;
  std::vector<std::string> official_ids;
  std::optional<reps::Level> level;  // nullopt: every level
};

// Throws a usage Error unless the query names a place or officials, not both.
void check_target_query(const TargetQuery& query);

// The place, located. Throws a usage Error when it cannot name one district
// per seat (a ZIP code that spans several must be pinned first).
geo::Location letter_place(Runtime& rt, const TargetQuery& query);

// The officials named, each in the first seat they hold; throws for an
// unknown id or one who holds no seat.
std::vector<letters::NamedSeat> named_seats(Runtime& rt, const std::vector<std::string>& ids);

// How `civic letter` says what planning met.
void say_plan_event(Runtime& rt, const letters::PlanEvent& event);

}  // namespace civic::cli
