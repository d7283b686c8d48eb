// openstates-geo: per jurisdiction, how Census GEOIDs become OCD division ids.
#include "core/data/import.hpp"
#include "core/data/yaml.hpp"
#include "core/reps/states.hpp"
#include "core/util/text.hpp"

namespace civic::data {
namespace {

constexpr const char* k_layers[] = {"sldu", "sldl", "cd"};

geo::JurisdictionRules parse_rules(const YAML::Node& doc, const std::string& state) {
  geo::JurisdictionRules rules;
  rules.state = state;
  rules.os_id_prefix = scalar(doc, "os-id-prefix");
  if (rules.os_id_prefix.rfind("ocd-division/", 0) != 0) {
    throw Error("missing or malformed 'os-id-prefix'");
  }
  const auto mappings = doc["id-mappings"];
  for (const char* layer : k_layers) {
    const auto node = mappings[layer];
    if (node && node.IsMap()) {
      rules.layers[layer] = {scalar(node, "sld-match"), scalar(node, "sld-prefix")};
    }
  }
  for (const auto& entry : mappings["custom"]) {
    const auto sld_id = scalar(entry, "sld-id");
    const auto os_id = scalar(entry, "os-id");
    if (!sld_id.empty() && !os_id.empty()) {  // entries without a GEOID name no boundary
      rules.explicit_ids[sld_id] = os_id;
    }
  }
  for (const auto& layer : doc["ignored_chambers"]) {
    rules.ignored_layers.insert(layer.as<std::string>());
  }
  return rules;
}

}  // namespace

CrosswalkImport import_crosswalk(DatasetFiles& files, const ImportContext& context) {
  CrosswalkImport result;
  std::vector<Problem> problems;
  for (const auto& state : reps::all_states()) {
    const auto name = text::lower(state.code) + ".yml";
    const auto content = files.read_if_exists(name);
    if (!content) {
      continue;
    }
    const auto source = files.source_of(name);
    try {
      result.crosswalk.add(parse_rules(parse_yaml(*content, source), std::string(state.code)));
      ++result.record_count;
    } catch (const Error& e) {
      problems.push_back({source, e.what()});
    }
  }
  if (problems.empty() && result.crosswalk.empty()) {
    throw Error(files.spec().name + ": no jurisdiction files under " + files.location())
        .hint("expected {st}.yml files (wa.yml, ma.yml, ...) there");
  }
  const auto count = static_cast<std::size_t>(result.record_count);
  return finish_import(files, context, problems, std::move(result), count);
}

}  // namespace civic::data
