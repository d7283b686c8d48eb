#pragma once
// What planning a campaign found, supporter by supporter: the letters per
// target office, the vacant seats skipped, the offices replaced by another
// kind (and why), and every row that gets no letter, as a problem naming
// its line and column. A row that cannot be used is a problem, never the
// end of the run.

#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/campaign/campaign_file.hpp"
#include "core/campaign/supporters.hpp"
#include "core/error.hpp"
#include "core/letters/plan.hpp"

namespace civic::campaign {

struct OfficeCount {
  std::string official;  // "Senator Maria Cantwell"
  long letters = 0;
};

struct PlanSummary {
  std::size_t supporters = 0;
  std::size_t letters = 0;
  std::size_t vacant_seats = 0;
  std::vector<Problem> problems;  // in row order
  std::set<std::string> notes;    // offices replaced by another kind, and why
  std::map<std::pair<std::string, std::string>, OfficeCount> per_office;  // (official id, office)
};

class PlanTally {
public:
  // `read_problems`: the rows the supporters file could not give.
  PlanTally(const Campaign& campaign, std::vector<Problem> read_problems);

  // A supporter whose place could not be located; `error` says why.
  void unlocated(const Supporter& supporter, const std::string& error);
  // A supporter's plan at `place`: its letters counted, what stood in the way noted.
  void add(const Supporter& supporter, const letters::SenderPlan& plan, const geo::Location* place);
  // A letter that could not be rendered after all (a form message too long).
  void reject(const letters::LetterMeta& letter, const std::string& reason);
  // The summary, problems sorted by row; once every supporter is in.
  PlanSummary finish();

private:
  void problem(const Supporter& supporter, const std::string& column, std::string reason);

  const Campaign& m_campaign;
  PlanSummary m_summary;
  struct Count {
    std::shared_ptr<const letters::LetterTarget> target;
    long letters = 0;
  };
  std::unordered_map<const letters::LetterTarget*, Count> m_per_target;
};

}  // namespace civic::campaign
