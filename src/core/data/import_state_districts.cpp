// TIGER/Line 2024 state legislative districts: the current districts of
// each chamber, so that a district nobody holds shows up as a vacant seat.
#include <cctype>

#include "core/cancel.hpp"
#include "core/data/import.hpp"
#include "core/geo/vector_file.hpp"
#include "core/reps/district_key.hpp"
#include "core/reps/states.hpp"
#include "core/util/ordered_work.hpp"

namespace civic::data {
namespace {

struct LayerFile {
  std::string name;  // WA_upper.json
  std::string state;
  reps::Chamber chamber;
  std::string layer;        // sldu | sldl
  std::string code_field;   // SLDUST | SLDLST
};

std::vector<LayerFile> layer_files() {
  std::vector<LayerFile> files;
  for (const auto& state : reps::all_states()) {
    const std::string code(state.code);
    files.push_back({code + "_upper.json", code, reps::Chamber::upper, "sldu", "SLDUST"});
    files.push_back({code + "_lower.json", code, reps::Chamber::lower, "sldl", "SLDLST"});
  }
  return files;
}

// "17th_middlesex" → "17th Middlesex", "chittenden-north" → "Chittenden-North".
std::string display_district(std::string district) {
  bool start = true;
  for (char& c : district) {
    if (c == '_') {
      c = ' ';
    }
    if (start && std::isalpha(static_cast<unsigned char>(c))) {
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    start = c == ' ' || c == '-';
  }
  return district;
}

struct Layer {
  std::vector<reps::Division> divisions;
  std::vector<geo::Boundary> boundaries;
};

Layer read_layer(const LayerFile& file, const std::string& content, const std::string& source,
                 const geo::Crosswalk& crosswalk) {
  Layer layer;
  geo::read_features(content, source, [&](const geo::Feature& feature) {
    const auto geoid = feature.fields.count("GEOID") ? feature.fields.at("GEOID") : "";
    if (geoid.empty() || geoid.ends_with("ZZZ")) {
      return;  // water and undefined areas have no legislator
    }
    const auto code = feature.fields.count(file.code_field) ? feature.fields.at(file.code_field) : geoid.substr(2);
    reps::Division division;
    division.id = crosswalk.division_id(file.state, file.layer, geoid)
                      .value_or(crosswalk.fallback_id(file.state, file.layer, code));
    division.state = file.state;
    division.chamber = file.chamber;
    division.district = display_district(geo::division_district(division.id));
    division.district_key = reps::district_key(division.district);
    division.name = feature.fields.count("NAMELSAD") ? feature.fields.at("NAMELSAD") : "";
    division.census_geoid = geoid;
    division.source = source;
    auto boundary = make_boundary(feature, source);
    boundary.layer = file.layer;
    boundary.state = file.state;
    boundary.geoid = geoid;
    boundary.division_id = division.id;
    boundary.district = division.district;
    boundary.name = division.name;
    boundary.vintage = feature.fields.count("LSY") ? feature.fields.at("LSY") : "";
    layer.divisions.push_back(std::move(division));
    layer.boundaries.push_back(std::move(boundary));
  });
  if (layer.divisions.empty()) {
    throw Error(source + ": no districts in the file").hint("the file is damaged or truncated; fetch it again");
  }
  return layer;
}

}  // namespace

DivisionsImport import_state_districts(DatasetFiles& files, const geo::Crosswalk& crosswalk,
                                       const ImportContext& context) {
  std::vector<LayerFile> present;
  std::vector<std::string> contents;
  for (const auto& file : layer_files()) {
    if (crosswalk.ignores(file.state, file.layer)) {
      continue;
    }
    if (auto content = files.read_if_exists(file.name)) {
      present.push_back(file);
      contents.push_back(std::move(*content));
    }
    context.cancel.throw_if_cancelled();
  }
  if (present.empty()) {
    throw Error(files.spec().name + ": no district files under " + files.location())
        .hint("expected WA_upper.json, WA_lower.json, ... there");
  }
  std::vector<Layer> layers(present.size());
  std::vector<std::optional<Problem>> failures(present.size());
  parallel_for(present.size(), [&](std::size_t i) {
    const auto source = files.source_of(present[i].name);
    try {
      layers[i] = read_layer(present[i], contents[i], source, crosswalk);
    } catch (const std::exception& e) {
      failures[i] = Problem{source, e.what()};
    }
  });
  DivisionsImport result;
  std::vector<Problem> problems;
  for (std::size_t i = 0; i < present.size(); ++i) {
    if (failures[i]) {
      problems.push_back(std::move(*failures[i]));
    }
    std::move(layers[i].divisions.begin(), layers[i].divisions.end(), std::back_inserter(result.divisions));
    std::move(layers[i].boundaries.begin(), layers[i].boundaries.end(), std::back_inserter(result.boundaries));
  }
  const auto count = result.divisions.size();
  return finish_import(files, context, problems, std::move(result), count);
}

}  // namespace civic::data
