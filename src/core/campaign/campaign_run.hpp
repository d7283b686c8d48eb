#pragma once
// Running a campaign: one letter per supporter per target, in every format
// asked, written atomically to the output folder (see run_output.hpp).
// Supporters stream through three stages: planning (who writes to whom; one
// thread, it reads reference.db), rendering (on `jobs` threads, see
// render_pool.hpp) and writing (one thread, with the journal). Only a few
// thousand letters are in memory at any time, whatever the number of
// supporters. The same inputs give the same bytes; a rerun writes only what
// is missing or changed.

#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/campaign/planner.hpp"
#include "core/campaign/run_basis.hpp"
#include "core/campaign/run_output.hpp"
#include "core/journal/contact.hpp"

namespace civic {
class CancelToken;
}

namespace civic::campaign {

// Calls `each` for every usable supporter, in file order, with the place
// it was located at (null when the campaign names its officials).
using SupporterVisitor = std::function<void(const Supporter&, const geo::BulkRow*)>;
using SupporterFeed = std::function<void(const SupporterVisitor& each)>;

struct RunProgress {
  std::size_t supporters_done = 0;
  std::size_t supporters_total = 0;
  std::size_t letters_done = 0;  // rendered, and written unless a dry run
};

struct RunSettings {
  std::filesystem::path output;  // unused by a dry run
  RunBasis basis;
  std::string title;  // of PDFs
  bool dry_run = false;
  unsigned jobs = 0;  // rendering threads; 0: one per core
  std::size_t supporters_total = 0;
};

struct RunHooks {
  std::function<void(const RunProgress&)> progress;  // on the calling thread
  // Letters just written, on the writing thread: for the journal.
  std::function<void(const std::vector<RenderedLetter>&)> record;
  // On the writing thread, once every letter is written and recorded; the
  // office bundles are written next.
  std::function<void()> written;
};

struct RunResult {
  PlanSummary plan;
  WriteResult files;
};

RunResult run_campaign(const PlanInputs& inputs, std::vector<Problem> read_problems, const SupporterFeed& feed,
                       const RunSettings& settings, const CancelToken& cancel, const RunHooks& hooks);

// What every drafted contact of a run shares: all but whom it is with, its
// uid and its notes.
journal::Contact campaign_contact(const Campaign& campaign, const std::string& bill, const std::string& at);
// The drafted contacts the letters stand for, added to `out`; their uids
// are stable, so a rerun adds none twice.
void add_campaign_contacts(const std::vector<RenderedLetter>& letters, const Campaign& campaign,
                           const std::string& bill, std::vector<journal::ContactEntry>& out);

// Official ids per supporter id, with the supporter's row.
using Targets = std::map<std::string, std::pair<std::size_t, std::set<std::string>>>;

// Who each supporter would write to today; no letter is rendered.
Targets plan_targets(const PlanInputs& inputs, const SupporterFeed& feed, PlanSummary& summary);

struct TargetChange {
  std::size_t row = 0;
  std::string supporter_id;
  std::vector<std::string> before;  // official ids in the last run's manifest
  std::vector<std::string> now;     // official ids the plan names today
};

// Supporters whose letters would now go to other officials than the last
// run's manifest.csv says (a resignation, a special election, new districts).
std::vector<TargetChange> target_changes(const Targets& now, const std::string& manifest_csv,
                                         const std::string& manifest_name);

}  // namespace civic::campaign
