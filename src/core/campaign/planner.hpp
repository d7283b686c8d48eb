#pragma once
// Planning a campaign, supporter by supporter: which officials each one
// writes to, at which office, as what sender. A row that cannot be used is
// a Problem, never the end of the run. Planning reads reference.db and is
// done on one thread; the letters it plans are rendered anywhere.

#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/bills/catalog.hpp"
#include "core/campaign/campaign_file.hpp"
#include "core/campaign/supporters.hpp"
#include "core/geo/bulk.hpp"
#include "core/journal/contact.hpp"
#include "core/letters/recipient.hpp"
#include "core/letters/template.hpp"
#include "core/reps/for_location.hpp"

namespace civic::campaign {

// An official at one office: what every letter to them there shares.
struct LetterTarget {
  journal::OfficialSnapshot official;
  std::string office_kind;  // district | capitol
  std::string office;       // the address, on one line
  std::string bundle;       // its office bundle, without extension
  letters::Recipient recipient;
};

// Whose letter it is and where it goes: what the manifest, the bundles and
// the journal record of it.
struct LetterMeta {
  std::size_t row = 0;  // the supporter's CSV line
  std::string supporter_id;
  std::shared_ptr<const LetterTarget> target;
};

// One letter to write.
struct LetterJob {
  LetterMeta meta;
  // The supporter's part of the letter, shared by their letters: all but
  // the recipient, which is the target's.
  std::shared_ptr<const letters::LetterInput> from;
};

struct OfficeCount {
  std::string official;  // "Senator Maria Cantwell"
  long letters = 0;
};

struct PlanSummary {
  std::size_t supporters = 0;
  std::size_t letters = 0;
  std::size_t vacant_seats = 0;
  std::vector<Problem> problems;  // in row order once planning is done
  std::set<std::string> notes;    // offices replaced by another kind, and why
  std::map<std::pair<std::string, std::string>, OfficeCount> per_office;  // (official id, office)
};

struct PlanInputs {
  const Campaign& campaign;
  SQLite::Database& reference;
  const bills::Bill& bill;
  const letters::LetterTemplate& letter_template;
  Date letter_date;
};

// Throws a usage Error when the template prints a sender detail that no
// supporter column is mapped to (every row would fail the same way), uses
// a supporter.<field> the campaign does not map, or when the campaign maps
// a column to a field that is neither known nor used by the template.
void check_template_fields(const Campaign& campaign, const letters::LetterTemplate& letter_template);

class Planner {
public:
  // `read_problems`: the rows the supporters file could not give.
  Planner(const PlanInputs& inputs, std::vector<Problem> read_problems);

  // The letters of one supporter, in target order. `located` is the
  // supporter's place (null when the campaign names its officials).
  std::vector<LetterJob> plan(const Supporter& supporter, const geo::BulkRow* located);
  // A letter that could not be rendered after all (a form message too long).
  void reject(const LetterMeta& letter, const std::string& reason);
  // Sorts the problems by row; call once every supporter is planned.
  PlanSummary& finish();

private:
  struct Target {
    const reps::Official* official = nullptr;
    const reps::Role* role = nullptr;
    std::optional<std::size_t> nearest_office;
  };
  // A target's letters share one LetterTarget, made on its first letter.
  struct TargetEntry {
    std::shared_ptr<const LetterTarget> target;
    OfficeCount* count = nullptr;  // in m_summary.per_office
  };
  using TargetKey = std::tuple<const reps::Official*, const reps::Role*, const reps::Office*>;

  std::optional<std::string> place_targets(const geo::BulkRow& row, std::vector<Target>& targets);
  void add_letters(const Supporter& s, const std::vector<Target>& targets, std::vector<LetterJob>& out);
  TargetEntry& target_entry(const Target& target, const letters::OfficePick& pick);

  const PlanInputs& m_in;
  letters::OfficeChoice m_office_choice;
  std::vector<std::pair<std::shared_ptr<const reps::Official>, reps::Role>> m_named_seats;
  std::vector<Target> m_named;
  reps::SeatCache m_seats;
  std::map<TargetKey, TargetEntry> m_targets;
  PlanSummary m_summary;
};

}  // namespace civic::campaign
