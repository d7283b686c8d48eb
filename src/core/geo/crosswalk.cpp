#include "core/geo/crosswalk.hpp"

#include <regex>

#include "core/error.hpp"

#include "core/util/text.hpp"

namespace civic::geo {
namespace {

constexpr std::size_t k_longest_key = 64;
constexpr std::size_t k_longest_pattern = 200;

std::string strip_leading_zeros(const std::string& code) {
  const auto first = code.find_first_not_of('0');
  return first == std::string::npos ? (code.empty() ? code : "0") : code.substr(first);
}

}  // namespace

void Crosswalk::add(JurisdictionRules rules) {
  const auto state = rules.state;
  m_rules[state] = std::move(rules);
}

bool Crosswalk::ignores(const std::string& state, const std::string& layer) const {
  const auto it = m_rules.find(state);
  return it != m_rules.end() && it->second.ignored_layers.count(layer) != 0;
}

std::optional<std::string> Crosswalk::division_id(const std::string& state, const std::string& layer,
                                                  const std::string& geoid) const {
  const auto it = m_rules.find(state);
  if (it == m_rules.end() || ignores(state, layer)) {
    return std::nullopt;
  }
  const auto& rules = it->second;
  const std::string key = layer + "-" + geoid;
  if (auto found = rules.explicit_ids.find(key); found != rules.explicit_ids.end()) {
    return found->second;
  }
  const auto rule = rules.layers.find(layer);
  if (rule == rules.layers.end() || rule->second.pattern.empty()) {
    return std::nullopt;
  }
  // openstates-geo applies these with Python's re.match: anchored at the
  // start. std::regex recurses on the text it matches: the keys (a layer
  // and a GEOID) and the dataset's patterns are short, and longer ones are
  // not read.
  if (key.size() > k_longest_key || rule->second.pattern.size() > k_longest_pattern) {
    return std::nullopt;
  }
  std::smatch match;
  try {
    const std::regex pattern(rule->second.pattern);
    if (!std::regex_search(key, match, pattern, std::regex_constants::match_continuous) || match.size() < 2) {
      return std::nullopt;
    }
  } catch (const std::regex_error&) {
    throw Error("the openstates-geo rule '" + rule->second.pattern + "' for " + state + " " + layer +
                " is not a pattern civic can read");
  }
  const auto type = rule->second.prefix.empty() ? layer : rule->second.prefix;
  return rules.os_id_prefix + "/" + type + ":" + text::lower(strip_leading_zeros(match[1].str()));
}

std::string Crosswalk::fallback_id(const std::string& state, const std::string& layer,
                                   const std::string& code) const {
  const auto it = m_rules.find(state);
  const std::string prefix = it != m_rules.end() ? it->second.os_id_prefix
                                                 : "ocd-division/country:us/state:" + text::lower(state);
  return prefix + "/" + layer + ":" + text::lower(strip_leading_zeros(code));
}

std::string division_district(const std::string& division_id) {
  const auto colon = division_id.rfind(':');
  return colon == std::string::npos ? division_id : division_id.substr(colon + 1);
}

}  // namespace civic::geo
