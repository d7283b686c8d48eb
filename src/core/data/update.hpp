#pragma once
// `civic data update`: import every dataset of the manifest into a new
// reference.db, and swap it in only when the whole build succeeded.

#include <filesystem>
#include <string>
#include <vector>

#include "core/data/import.hpp"
#include "core/env.hpp"

namespace civic::data {

struct UpdateOptions {
  std::string from;  // a mirror directory or http:// URL; "" reads upstream
  std::filesystem::path data_dir;
  std::filesystem::path cache_dir;
  std::string civic_version;
};

struct UpdateSummary {
  std::filesystem::path database;
  std::vector<DatasetRecord> datasets;
};

UpdateSummary update_reference(const UpdateOptions& options, const Env& env, const ProgressFn& progress);

struct Provenance {
  std::string commit;
  std::string date;
};
// The "repository | commit | date" rows of a mirror's PROVENANCE.md.
std::map<std::string, Provenance> parse_provenance(const std::string& markdown);

}  // namespace civic::data
