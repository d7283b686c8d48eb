#pragma once
// The dataset manifest (reps-data/manifest.toml, compiled in): what each
// open dataset is, where it lives in a mirror and upstream, and its license.

#include <string>
#include <string_view>
#include <vector>

namespace civic::data {

struct DatasetSpec {
  std::string name;
  std::string title;
  std::string format;
  std::string license;
  std::string repository;  // owner/name on GitHub
  std::string homepage;
  std::string mirror;      // path under a mirror root
  std::vector<std::string> files;
  std::string layout;      // for datasets read folder by folder
  bool changes_often = false;  // officials: worth a warning when old
  std::string upstream;    // base URL of `files`
  std::string upstream_archive;
  std::string archive_dir;
};

// Parses manifest TOML; throws civic::Error naming `source_name` on bad input.
std::vector<DatasetSpec> parse_manifest(std::string_view toml_text, const std::string& source_name);

// The manifest compiled into this binary.
const std::vector<DatasetSpec>& builtin_manifest();
const DatasetSpec& builtin_dataset(std::string_view name);

}  // namespace civic::data
