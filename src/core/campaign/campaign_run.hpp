#pragma once
// Running a campaign: one letter per supporter per target, rendered in
// every format, written atomically, with manifest.csv (what went where,
// with each file's sha256), problems.csv (rows left out, and why) and
// run.json (what the letters were made from). Rerunning with the same
// inputs rewrites nothing and produces the same bytes; a letter date, the
// template and the data versions are kept in run.json so a changed input is
// noticed instead of silently mixed in.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/bills/catalog.hpp"
#include "core/campaign/campaign_file.hpp"
#include "core/campaign/supporters.hpp"
#include "core/geo/bulk.hpp"
#include "core/journal/contact.hpp"
#include "core/letters/document.hpp"
#include "core/letters/template.hpp"

namespace civic {
class CancelToken;
}

namespace civic::campaign {

struct PlannedLetter {
  std::size_t row = 0;
  std::string supporter_id;
  journal::OfficialSnapshot official;
  std::string office_kind;  // district | capitol
  std::string office;       // the address, on one line
  std::string sender_name;
  std::string sender_email;
  letters::LetterDocument doc;
};

struct Plan {
  std::vector<PlannedLetter> letters;
  std::vector<Problem> problems;
  std::size_t supporters = 0;
  std::size_t vacant_seats = 0;
  std::vector<std::string> notes;  // offices replaced by another kind, and why
};

// What the letters are made from; kept in run.json.
struct RunBasis {
  std::string campaign;         // its name, which tags its contacts in the journal
  std::string letter_date;      // 2026-11-28
  std::string template_origin;  // letters/letter.mustache (shipped) or a path
  std::string template_sha256;
  std::string bill;
  std::vector<std::string> datasets;  // "congress-legislators dfa96222 2026-06-15"
  bool operator==(const RunBasis&) const = default;
};

struct PlanInputs {
  const Campaign& campaign;
  SQLite::Database& reference;
  const bills::Bill& bill;
  const letters::LetterTemplate& letter_template;
  Date letter_date;
};

// Throws a usage Error when the template prints a sender detail that no
// supporter column is mapped to: every row would fail the same way.
void check_sender_columns(const Campaign& campaign, const letters::LetterTemplate& letter_template);

// `located` holds the locate_rows answer for each supporter, in order
// (empty when the campaign names its officials).
Plan plan_letters(const PlanInputs& inputs, const SupporterList& supporters, const std::vector<geo::BulkRow>& located);

struct OutputFile {
  static constexpr std::size_t k_no_letter = static_cast<std::size_t>(-1);  // bundles and labels
  std::size_t letter = 0;                                                   // index into Plan::letters
  std::string format;
  std::string path;  // relative to the output folder
  std::string bytes;
};
// `date` (YYYY-MM-DD) stamps the PDFs, so the same letters make the same bytes.
std::vector<OutputFile> render_outputs(const Plan& plan, const Campaign& campaign, const std::string& title,
                                       const std::string& date);

struct WriteResult {
  std::size_t written = 0;
  std::size_t unchanged = 0;  // already there with the same bytes
};

// Writes the files that differ, then manifest.csv, problems.csv and
// run.json, each atomically. `cancel` is checked between files.
WriteResult write_outputs(const std::filesystem::path& dir, const Plan& plan, const std::vector<OutputFile>& files,
                          const RunBasis& basis, const CancelToken& cancel,
                          const std::function<void(std::size_t done)>& progress);

// run.json of an earlier run, when there is one.
std::optional<RunBasis> read_run_basis(const std::filesystem::path& dir);
// "the template changed; the data changed (openstates-people e763b590 -> 1199cdc5)".
std::string describe_changes(const RunBasis& before, const RunBasis& now);

struct TargetChange {
  std::size_t row = 0;
  std::string supporter_id;
  std::vector<std::string> before;  // official ids in the last run's manifest
  std::vector<std::string> now;     // official ids the plan names today
};

// Supporters whose letters would now go to other officials than the last
// run's manifest.csv says (a resignation, a special election, new districts).
std::vector<TargetChange> target_changes(const Plan& plan, const std::string& manifest_csv,
                                         const std::string& manifest_name);

// The drafted contacts the letters stand for, tagged with the campaign;
// their uids are stable, so a rerun adds none twice.
std::vector<journal::Contact> campaign_contacts(const Plan& plan, const Campaign& campaign, const std::string& bill,
                                                const std::string& at);

}  // namespace civic::campaign
