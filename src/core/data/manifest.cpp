#include "core/data/manifest.hpp"

#include <toml++/toml.h>

#include "core/error.hpp"

namespace civic::data {

extern const std::string_view k_embedded_manifest;  // generated from reps-data/manifest.toml

namespace {

std::string text_field(const toml::table& table, std::string_view key) {
  return table[key].value_or(std::string());
}

}  // namespace

std::vector<DatasetSpec> parse_manifest(std::string_view toml_text, const std::string& source_name) {
  toml::table root;
  try {
    root = toml::parse(toml_text, source_name);
  } catch (const toml::parse_error& e) {
    throw Error(source_name + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
  }
  std::vector<DatasetSpec> specs;
  const auto* datasets = root["dataset"].as_array();
  if (datasets == nullptr) {
    throw Error(source_name + ": no [[dataset]] entries");
  }
  for (const auto& node : *datasets) {
    const auto* table = node.as_table();
    if (table == nullptr) {
      throw Error(source_name + ": [[dataset]] entries must be tables");
    }
    DatasetSpec spec;
    spec.name = text_field(*table, "name");
    spec.title = text_field(*table, "title");
    spec.format = text_field(*table, "format");
    spec.license = text_field(*table, "license");
    spec.repository = text_field(*table, "repository");
    spec.homepage = text_field(*table, "homepage");
    spec.mirror = text_field(*table, "mirror");
    spec.layout = text_field(*table, "layout");
    spec.upstream = text_field(*table, "upstream");
    spec.upstream_archive = text_field(*table, "upstream_archive");
    spec.archive_dir = text_field(*table, "archive_dir");
    spec.changes_often = text_field(*table, "changes") == "often";
    if (const auto* files = (*table)["files"].as_array()) {
      for (const auto& file : *files) {
        spec.files.push_back(file.value_or(std::string()));
      }
    }
    if (spec.name.empty() || spec.mirror.empty() || (spec.upstream.empty() && spec.upstream_archive.empty())) {
      throw Error(source_name + ":" + std::to_string(table->source().begin.line) +
                  ": a dataset needs name, mirror and upstream or upstream_archive");
    }
    specs.push_back(std::move(spec));
  }
  return specs;
}

const std::vector<DatasetSpec>& builtin_manifest() {
  static const auto specs = parse_manifest(k_embedded_manifest, "reps-data/manifest.toml");
  return specs;
}

const DatasetSpec& builtin_dataset(std::string_view name) {
  for (const auto& spec : builtin_manifest()) {
    if (spec.name == name) {
      return spec;
    }
  }
  throw Error("internal: no dataset '" + std::string(name) + "' in the manifest");
}

}  // namespace civic::data
