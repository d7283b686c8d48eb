#pragma once
// Census GEOID → OCD division id, by the rules of openstates-geo's
// jurisdiction files: a pattern per layer ("sldl-530(\d+)" turns GEOID
// 53024 into district 24) and explicit pairs for states that name their
// districts (Massachusetts, New Hampshire, Vermont).

#include <map>
#include <optional>
#include <set>
#include <string>

namespace civic::geo {

struct LayerRule {
  std::string pattern;  // applied to "<layer>-<GEOID>", group 1 is the district
  std::string prefix;   // division type when it is not the layer name ("ward" in DC)
};

struct JurisdictionRules {
  std::string state;         // USPS code
  std::string os_id_prefix;  // ocd-division/country:us/state:wa
  std::map<std::string, LayerRule> layers;       // sldu, sldl, cd
  std::map<std::string, std::string> explicit_ids;  // "sldl-33001" -> division id
  std::set<std::string> ignored_layers;
};

class Crosswalk {
public:
  void add(JurisdictionRules rules);

  // The division id for a GEOID of a layer ("sldu", "sldl", "cd"); nullopt
  // when no rule covers it or the jurisdiction ignores that layer.
  std::optional<std::string> division_id(const std::string& state, const std::string& layer,
                                         const std::string& geoid) const;
  // The id the layer's naming would give a district code when no rule says
  // ("prefix/sldl:24"), for districts the rules do not cover.
  std::string fallback_id(const std::string& state, const std::string& layer, const std::string& code) const;
  bool ignores(const std::string& state, const std::string& layer) const;
  bool empty() const { return m_rules.empty(); }

private:
  std::map<std::string, JurisdictionRules> m_rules;
};

// The district part of a division id: ".../sldl:2nd_worcester" → "2nd_worcester".
std::string division_district(const std::string& division_id);

}  // namespace civic::geo
