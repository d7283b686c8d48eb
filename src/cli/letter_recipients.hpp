#pragma once
// Who `civic letter` writes to: the officials of a place (its districts,
// filtered by level) or the officials named with --official.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/place.hpp"
#include "core/reps/model.hpp"

namespace civic::cli {

class Runtime;

struct LetterTarget {
  std::shared_ptr<const reps::Official> official;
  reps::Role role;
  std::optional<std::size_t> nearest_office;  // when the place has a point
};

struct TargetQuery {
  PlaceOptions place;
  std::vector<std::string> official_ids;
  std::optional<reps::Level> level;  // nullopt: every level
};

// Throws a usage Error unless the query names a place or officials, not both.
void check_target_query(const TargetQuery& query);

// Throws a usage Error when the place cannot name one district per seat
// (a ZIP code that spans several must be pinned first). Vacant seats are
// left out with a note.
std::vector<LetterTarget> find_targets(Runtime& rt, const TargetQuery& query);

}  // namespace civic::cli
