#include "core/campaign/status.hpp"

#include <set>

#include "core/error.hpp"
#include "core/journal/contact.hpp"
#include "core/util/csv.hpp"
#include "core/util/files.hpp"

namespace civic::campaign {
namespace {

RunBasis require_run(const std::filesystem::path& dir) {
  const auto basis = read_run_basis(dir);
  if (!basis) {
    throw usage_error("no campaign run in " + dir.string() + " (no run.json)").hint("give the campaign's output folder");
  }
  return *basis;
}

}  // namespace

RunStatus run_status(const std::filesystem::path& dir, const std::function<SQLite::Database*()>& journal) {
  RunStatus status;
  status.basis = require_run(dir);
  const auto manifest_text = read_file_if_exists(dir / "manifest.csv");
  const auto problems_text = read_file_if_exists(dir / "problems.csv");
  if (!manifest_text || !problems_text) {
    throw Error("the run in " + dir.string() + " did not finish (no manifest.csv)")
        .hint("run the campaign again: it writes only what is missing");
  }
  const auto manifest = csv::Table::parse(*manifest_text, dir.string() + "/manifest.csv");
  const auto problems = csv::Table::parse(*problems_text, dir.string() + "/problems.csv");
  const auto supporter_column = manifest.require_column("supporter_id");
  const auto official_column = manifest.require_column("official_id");
  std::set<std::string> supporters, officials;
  for (const auto& row : manifest.rows()) {
    supporters.insert(csv::Table::field(row, supporter_column));
    officials.insert(csv::Table::field(row, official_column));
  }
  status.files = manifest.rows().size();
  status.supporters = supporters.size();
  status.officials = officials.size();
  status.problems = problems.rows().size();
  if (auto* db = journal()) {
    status.outcomes = journal::campaign_outcomes(*db, status.basis.campaign);
  }
  return status;
}

std::pair<RunBasis, long> mark_run_sent(const std::filesystem::path& dir,
                                        const std::function<SQLite::Database&()>& journal,
                                        const std::optional<std::string>& official, const std::string& now) {
  auto basis = require_run(dir);
  const auto marked = journal::mark_campaign_sent(journal(), basis.campaign, official, now);
  return {std::move(basis), marked};
}

}  // namespace civic::campaign
