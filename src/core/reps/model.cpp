#include "core/reps/model.hpp"

namespace civic::reps {

std::string_view to_string(Level level) { return level == Level::federal ? "federal" : "state"; }

std::string_view to_string(Chamber chamber) {
  switch (chamber) {
    case Chamber::senate: return "senate";
    case Chamber::house: return "house";
    case Chamber::upper: return "upper";
    case Chamber::lower: return "lower";
    case Chamber::executive: return "executive";
  }
  return "lower";
}

std::optional<Level> parse_level(std::string_view text) {
  if (text == "federal") {
    return Level::federal;
  }
  if (text == "state") {
    return Level::state;
  }
  return std::nullopt;
}

std::optional<Chamber> parse_chamber(std::string_view text) {
  for (auto chamber : {Chamber::senate, Chamber::house, Chamber::upper, Chamber::lower, Chamber::executive}) {
    if (to_string(chamber) == text) {
      return chamber;
    }
  }
  return std::nullopt;
}

Level level_of(Chamber chamber) {
  return chamber == Chamber::senate || chamber == Chamber::house ? Level::federal : Level::state;
}

}  // namespace civic::reps
