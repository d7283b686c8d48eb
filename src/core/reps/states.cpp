#include "core/reps/states.hpp"

#include "core/error.hpp"
#include "core/util/text.hpp"

namespace civic::reps {
namespace {

constexpr auto S = Jurisdiction::state;
constexpr auto D = Jurisdiction::district;
constexpr auto T = Jurisdiction::territory;
constexpr std::string_view k_senate = "Senate";
constexpr std::string_view k_house = "House of Representatives";
constexpr std::string_view k_senator = "Senator";
constexpr std::string_view k_rep = "Representative";

}  // namespace

const std::vector<StateInfo>& all_states() {
  static const std::vector<StateInfo> states = {
      {"AL", "Alabama", "01", S, k_senate, k_house, k_senator, k_rep},
      {"AK", "Alaska", "02", S, k_senate, k_house, k_senator, k_rep},
      {"AZ", "Arizona", "04", S, k_senate, k_house, k_senator, k_rep},
      {"AR", "Arkansas", "05", S, k_senate, k_house, k_senator, k_rep},
      {"CA", "California", "06", S, k_senate, "Assembly", k_senator, "Assemblymember"},
      {"CO", "Colorado", "08", S, k_senate, k_house, k_senator, k_rep},
      {"CT", "Connecticut", "09", S, k_senate, k_house, k_senator, k_rep},
      {"DE", "Delaware", "10", S, k_senate, k_house, k_senator, k_rep},
      {"DC", "District of Columbia", "11", D, "Council", "", "Councilmember", ""},
      {"FL", "Florida", "12", S, k_senate, k_house, k_senator, k_rep},
      {"GA", "Georgia", "13", S, k_senate, k_house, k_senator, k_rep},
      {"HI", "Hawaii", "15", S, k_senate, k_house, k_senator, k_rep},
      {"ID", "Idaho", "16", S, k_senate, k_house, k_senator, k_rep},
      {"IL", "Illinois", "17", S, k_senate, k_house, k_senator, k_rep},
      {"IN", "Indiana", "18", S, k_senate, k_house, k_senator, k_rep},
      {"IA", "Iowa", "19", S, k_senate, k_house, k_senator, k_rep},
      {"KS", "Kansas", "20", S, k_senate, k_house, k_senator, k_rep},
      {"KY", "Kentucky", "21", S, k_senate, k_house, k_senator, k_rep},
      {"LA", "Louisiana", "22", S, k_senate, k_house, k_senator, k_rep},
      {"ME", "Maine", "23", S, k_senate, k_house, k_senator, k_rep},
      {"MD", "Maryland", "24", S, k_senate, "House of Delegates", k_senator, "Delegate"},
      {"MA", "Massachusetts", "25", S, k_senate, k_house, k_senator, k_rep},
      {"MI", "Michigan", "26", S, k_senate, k_house, k_senator, k_rep},
      {"MN", "Minnesota", "27", S, k_senate, k_house, k_senator, k_rep},
      {"MS", "Mississippi", "28", S, k_senate, k_house, k_senator, k_rep},
      {"MO", "Missouri", "29", S, k_senate, k_house, k_senator, k_rep},
      {"MT", "Montana", "30", S, k_senate, k_house, k_senator, k_rep},
      {"NE", "Nebraska", "31", S, "Legislature", "", k_senator, ""},
      {"NV", "Nevada", "32", S, k_senate, "Assembly", k_senator, "Assemblymember"},
      {"NH", "New Hampshire", "33", S, k_senate, k_house, k_senator, k_rep},
      {"NJ", "New Jersey", "34", S, k_senate, "General Assembly", k_senator, "Assemblymember"},
      {"NM", "New Mexico", "35", S, k_senate, k_house, k_senator, k_rep},
      {"NY", "New York", "36", S, k_senate, "Assembly", k_senator, "Assemblymember"},
      {"NC", "North Carolina", "37", S, k_senate, k_house, k_senator, k_rep},
      {"ND", "North Dakota", "38", S, k_senate, k_house, k_senator, k_rep},
      {"OH", "Ohio", "39", S, k_senate, k_house, k_senator, k_rep},
      {"OK", "Oklahoma", "40", S, k_senate, k_house, k_senator, k_rep},
      {"OR", "Oregon", "41", S, k_senate, k_house, k_senator, k_rep},
      {"PA", "Pennsylvania", "42", S, k_senate, k_house, k_senator, k_rep},
      {"RI", "Rhode Island", "44", S, k_senate, k_house, k_senator, k_rep},
      {"SC", "South Carolina", "45", S, k_senate, k_house, k_senator, k_rep},
      {"SD", "South Dakota", "46", S, k_senate, k_house, k_senator, k_rep},
      {"TN", "Tennessee", "47", S, k_senate, k_house, k_senator, k_rep},
      {"TX", "Texas", "48", S, k_senate, k_house, k_senator, k_rep},
      {"UT", "Utah", "49", S, k_senate, k_house, k_senator, k_rep},
      {"VT", "Vermont", "50", S, k_senate, k_house, k_senator, k_rep},
      {"VA", "Virginia", "51", S, k_senate, "House of Delegates", k_senator, "Delegate"},
      {"WA", "Washington", "53", S, k_senate, k_house, k_senator, k_rep},
      {"WV", "West Virginia", "54", S, k_senate, "House of Delegates", k_senator, "Delegate"},
      {"WI", "Wisconsin", "55", S, k_senate, "Assembly", k_senator, k_rep},
      {"WY", "Wyoming", "56", S, k_senate, k_house, k_senator, k_rep},
      {"AS", "American Samoa", "60", T, k_senate, k_house, k_senator, k_rep},
      {"GU", "Guam", "66", T, "Legislature", "", k_senator, ""},
      {"MP", "Northern Mariana Islands", "69", T, k_senate, k_house, k_senator, k_rep},
      {"PR", "Puerto Rico", "72", T, k_senate, k_house, k_senator, k_rep},
      {"VI", "U.S. Virgin Islands", "78", T, "Legislature", "", k_senator, ""},
  };
  return states;
}

const StateInfo* find_state(std::string_view code) {
  const auto wanted = text::upper(code);
  for (const auto& state : all_states()) {
    if (state.code == wanted) {
      return &state;
    }
  }
  return nullptr;
}

const StateInfo* find_state_by_fips(std::string_view fips) {
  for (const auto& state : all_states()) {
    if (state.fips == fips) {
      return &state;
    }
  }
  return nullptr;
}

const StateInfo& require_state(std::string_view code) {
  if (const auto* state = find_state(code)) {
    return *state;
  }
  std::vector<std::string> codes;
  for (const auto& state : all_states()) {
    codes.emplace_back(state.code);
  }
  throw usage_error("unknown state '" + std::string(code) + "'")
      .hint("use a two-letter USPS code: " + text::join(codes, " "));
}

bool has_senators(const StateInfo& state) { return state.kind == Jurisdiction::state; }

std::string_view executive_head_title(const StateInfo& state) {
  return state.kind == Jurisdiction::district ? "Mayor" : "Governor";
}

std::string_view house_title(const StateInfo& state) {
  if (state.code == "PR") {
    return "Resident Commissioner";
  }
  return state.kind == Jurisdiction::state ? "Representative" : "Delegate";
}

std::string office_label(const Role& role) {
  switch (role.chamber) {
    case Chamber::senate: return "U.S. Senator";
    case Chamber::house:
      return role.title == "Representative" ? "U.S. Representative"
             : role.title == "Delegate"     ? "U.S. Delegate"
                                            : role.title;
    case Chamber::upper: return role.title == "Senator" ? "State Senator" : role.title;
    case Chamber::lower:
      return role.title == "Representative" ? "State Representative"
             : role.title == "Delegate"     ? "State Delegate"
                                            : role.title;
    case Chamber::executive: return role.title;
  }
  return role.title;
}

std::string chamber_name(const Role& role) {
  const auto* state = find_state(role.state);
  const std::string state_name = state ? std::string(state->name) : role.state;
  switch (role.chamber) {
    case Chamber::senate: return "U.S. Senate";
    case Chamber::house: return "U.S. House of Representatives";
    case Chamber::upper:
      if (state && state->code == "DC") {
        return "Council of the District of Columbia";
      }
      return state_name + " " + (state ? std::string(state->upper_chamber) : "Senate");
    case Chamber::lower: return state_name + " " + (state ? std::string(state->lower_chamber) : "House");
    case Chamber::executive: return state_name + " executive";
  }
  return state_name;
}

std::string cd_division_id(const StateInfo& state, std::string_view code) {
  const char* kind = state.kind == Jurisdiction::state ? "state" : state.kind == Jurisdiction::district ? "district"
                                                                                                         : "territory";
  std::string number(code);
  while (number.size() > 1 && number.front() == '0') {
    number.erase(0, 1);
  }
  if (number == "0" || number == "98" || number.empty()) {
    number = "at-large";
  }
  return "ocd-division/country:us/" + std::string(kind) + ":" + text::lower(state.code) + "/cd:" + number;
}

}  // namespace civic::reps
