#pragma once
// What a run's letters are made from, kept in run.json, so that a rerun
// with a changed template, bill or reference data is noticed instead of
// silently mixed in with the letters already written.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace civic::campaign {

struct RunBasis {
  std::string campaign;         // its name, which tags its contacts in the journal
  std::string letter_date;      // 2026-11-28
  std::string template_origin;  // letters/letter.mustache (shipped) or a path
  std::string template_sha256;
  std::string bill;
  std::vector<std::string> datasets;  // "congress-legislators dfa96222 2026-06-15"
  bool operator==(const RunBasis&) const = default;
};

std::string run_json(const RunBasis& basis);
// run.json of an earlier run, when there is one.
std::optional<RunBasis> read_run_basis(const std::filesystem::path& dir);
// "the template (...); the reference data (...)".
std::string describe_changes(const RunBasis& before, const RunBasis& now);

}  // namespace civic::campaign
