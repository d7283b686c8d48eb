// The 119th Congress's district polygons (Census cartographic boundaries,
// as TopoJSON). Twelve polygons self-intersect after the TopoJSON's ~7 m
// rounding; make_boundary repairs them.
#include <optional>

#include "core/cancel.hpp"
#include "core/data/import.hpp"
#include "core/geo/crosswalk.hpp"
#include "core/reps/states.hpp"
#include "core/util/ordered_work.hpp"

namespace civic::data {
namespace {

constexpr const char* k_file = "us-congressional-districts-119.topojson";

std::string field(const geo::Feature& feature, const char* name) {
  const auto it = feature.fields.find(name);
  return it == feature.fields.end() ? "" : it->second;
}

}  // namespace

DivisionsImport import_cd_boundaries(DatasetFiles& files, const ImportContext& context) {
  const auto source = files.source_of(k_file);
  std::vector<geo::Feature> features;
  geo::read_features(files.read(k_file), source, [&](const geo::Feature& feature) { features.push_back(feature); });
  context.cancel.throw_if_cancelled();

  DivisionsImport result;
  result.boundaries.resize(features.size());
  std::vector<std::optional<Problem>> problems(features.size());
  parallel_for(features.size(), [&](std::size_t i) {
    const auto& feature = features[i];
    const auto geoid = field(feature, "GEOID");
    const auto where = source + ": district " + (geoid.empty() ? "#" + std::to_string(i + 1) : geoid);
    const auto* state = reps::find_state_by_fips(field(feature, "STATEFP"));
    if (state == nullptr || geoid.size() != 4) {
      problems[i] = Problem{where, "unknown state or malformed GEOID"};
      return;
    }
    try {
      auto& boundary = result.boundaries[i];
      boundary = make_boundary(feature, source);
      boundary.layer = geo::k_layer_cd;
      boundary.state = std::string(state->code);
      boundary.geoid = geoid;
      boundary.division_id = reps::cd_division_id(*state, geoid.substr(2));
      boundary.district = geo::division_district(boundary.division_id);
      boundary.name = field(feature, "NAMELSAD");
      boundary.vintage = field(feature, "CDSESSN").empty() ? "" : field(feature, "CDSESSN") + "th Congress";
    } catch (const std::exception& e) {
      problems[i] = Problem{where, e.what()};
    }
  });
  std::vector<Problem> found;
  for (auto& problem : problems) {
    if (problem) {
      found.push_back(std::move(*problem));
    }
  }
  if (found.empty() && result.boundaries.empty()) {
    throw Error(source + ": no districts in the file").hint("the file is damaged or truncated; fetch it again");
  }
  const auto count = result.boundaries.size();
  return finish_import(files, context, found, std::move(result), count);
}

}  // namespace civic::data
