#pragma once
// The states, DC and the territories: codes, names, FIPS, and how each
// names its legislature and addresses its members.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/reps/model.hpp"

namespace civic::reps {

enum class Jurisdiction { state, district, territory };

struct StateInfo {
  std::string_view code;  // "WA"
  std::string_view name;  // "Washington"
  std::string_view fips;  // "53"
  Jurisdiction kind;
  std::string_view upper_chamber;  // "Senate", "Legislature" (NE), "Council" (DC)
  std::string_view lower_chamber;  // "House of Representatives", "Assembly", ... ("" when none)
  std::string_view upper_title;    // "Senator", "Councilmember"
  std::string_view lower_title;    // "Representative", "Assemblymember", "Delegate"
};

const std::vector<StateInfo>& all_states();
// By USPS code, case-insensitive.
const StateInfo* find_state(std::string_view code);
const StateInfo* find_state_by_fips(std::string_view fips);
// The state for a code, or a usage error that lists the valid codes.
const StateInfo& require_state(std::string_view code);

bool has_senators(const StateInfo& state);
// The chief executive: Governor, or Mayor for DC.
std::string_view executive_head_title(const StateInfo& state);
// "Senator", "Representative", "Delegate" or "Resident Commissioner".
std::string_view house_title(const StateInfo& state);

// How a seat is named in listings: "U.S. Senator", "State Representative",
// "Assemblymember", "Governor".
std::string office_label(const Role& role);
// "U.S. Senate", "Washington State Senate", "California State Assembly".
std::string chamber_name(const Role& role);

// The OCD division id of a congressional district from its Census code:
// "07" → .../state:wa/cd:7; "00" (at-large) and "98" (delegate) → .../cd:at-large.
std::string cd_division_id(const StateInfo& state, std::string_view code);

}  // namespace civic::reps
