#pragma once
// A campaign run: the four steps of every letter (letters/plan, render,
// write_run, record) for every supporter. Supporters stream through:
// located in blocks, planned on the calling thread, rendered (and their own
// files written) on every core through one OrderedWork, then listed in the
// manifest and the bundles in order, and recorded in the journal on its own
// thread. Only a few thousand letters are in memory at any time, whatever
// the number of supporters. The same inputs give the same bytes; a rerun
// writes only what is missing or changed.

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/bills/catalog.hpp"
#include "core/campaign/campaign_file.hpp"
#include "core/campaign/run_basis.hpp"
#include "core/campaign/supporters.hpp"
#include "core/campaign/tally.hpp"
#include "core/geo/bulk.hpp"
#include "core/letters/template.hpp"
#include "core/letters/write_run.hpp"
#include "core/templates/sources.hpp"

namespace civic {
class CancelToken;
}

namespace civic::campaign {

// A campaign read and checked, ready to plan.
struct PreparedCampaign {
  Campaign campaign;
  bills::Catalog catalog;
  const bills::Bill* bill = nullptr;
  templates::SourceFile source;  // the template's
  std::optional<letters::LetterTemplate> letter_template;
  SupporterList supporters;
  RunBasis basis;                     // what this run's letters are made from
  std::optional<RunBasis> previous;  // the last run's, from its run.json
};

// --force: every letter written again, dated today.
enum class Regenerate { no, yes };

// Reads the campaign file, the bill, the template and the supporters; the
// letters keep the last run's date unless regenerated. Throws a usage Error
// naming the file, line or key for anything wrong.
PreparedCampaign prepare_campaign(const std::filesystem::path& file, const std::filesystem::path& templates_dir,
                                  SQLite::Database& reference, Date today, Regenerate regenerate);

struct RunProgress {
  std::size_t supporters_done = 0;
  std::size_t supporters_total = 0;
  std::size_t letters_done = 0;  // rendered, and written unless a dry run
};

// What a run and a diff need from outside.
struct RunDeps {
  SQLite::Database& reference;
  geo::BulkOptions bulk;  // the geocoder (null offline) and a connection per locating thread
  const CancelToken& cancel;
  // Opened to record the letters, after the campaign is checked; not for a dry run.
  std::function<SQLite::Database&()> journal;
  std::string now_utc;
  std::function<void(const RunProgress&)> progress;  // on the calling thread
};

enum class DryRun { no, yes };

struct RunRequest {
  DryRun dry_run = DryRun::no;
  Regenerate regenerate = Regenerate::no;
  unsigned jobs = 0;  // rendering threads; 0: one per core
};

struct RunReport {
  PlanSummary plan;
  letters::WriteResult files;
  long recorded = 0;  // contacts new to the journal
};

// Runs the campaign. A run whose template, bill or reference data changed
// since the last one is refused unless regenerated or dry.
RunReport run_campaign(PreparedCampaign& prepared, const RunRequest& request, const RunDeps& deps);

// Official ids per supporter id, with the supporter's row.
using Targets = std::map<std::string, std::pair<std::size_t, std::set<std::string>>>;

struct TargetChange {
  std::size_t row = 0;
  std::string supporter_id;
  std::vector<std::string> before;  // official ids in the last run's manifest
  std::vector<std::string> now;     // official ids the plan names today
};

struct DiffReport {
  std::vector<TargetChange> changes;  // in row order
  std::size_t supporters = 0;
  bool data_changed = false;  // the reference data differs from the last run's
};

// Supporters whose letters would now go to other officials than the last
// run's manifest.csv says (a resignation, a special election, new districts).
DiffReport diff_campaign(PreparedCampaign& prepared, const RunDeps& deps);

// The same, from `now` (who each supporter would write to today) and the
// text of the last run's manifest.
std::vector<TargetChange> target_changes(const Targets& now, const std::string& manifest_csv,
                                         const std::string& manifest_name);

}  // namespace civic::campaign
