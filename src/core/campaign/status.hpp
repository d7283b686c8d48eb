#pragma once
// A finished run, read back from its folder: what it wrote (manifest.csv,
// problems.csv, run.json) and what the journal says was sent since.

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include <SQLiteCpp/Database.h>

#include "core/campaign/run_basis.hpp"

namespace civic::campaign {

struct RunStatus {
  RunBasis basis;
  std::size_t files = 0;
  std::size_t supporters = 0;  // with letters
  std::size_t officials = 0;
  std::size_t problems = 0;
  std::map<std::string, long> outcomes;  // the run's contacts by outcome ("" for none)
};

// Throws a usage Error when `dir` holds no run, and an Error when the run
// did not finish. `journal` gives the journal once the run is read, or null
// when there is none.
RunStatus run_status(const std::filesystem::path& dir, const std::function<SQLite::Database*()>& journal);

// Marks the run's drafted contacts (with one official, when given) as sent
// in the journal `journal` opens; returns the run's basis and how many.
std::pair<RunBasis, long> mark_run_sent(const std::filesystem::path& dir,
                                        const std::function<SQLite::Database&()>& journal,
                                        const std::optional<std::string>& official, const std::string& now);

}  // namespace civic::campaign
