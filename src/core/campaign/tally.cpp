#include "core/campaign/tally.hpp"

#include <algorithm>

namespace civic::campaign {

PlanTally::PlanTally(const Campaign& campaign, std::vector<Problem> read_problems) : m_campaign(campaign) {
  m_summary.problems = std::move(read_problems);
}

void PlanTally::problem(const Supporter& s, const std::string& column, std::string reason) {
  m_summary.problems.push_back({m_campaign.supporters.string(), std::move(reason), s.row, s.id, column});
}

void PlanTally::unlocated(const Supporter& s, const std::string& error) {
  ++m_summary.supporters;
  problem(s, s.place_column, error);
}

namespace {

std::string place_reason(letters::PlaceProblem problem, const geo::Location* place) {
  switch (problem) {
    case letters::PlaceProblem::outside_districts: return "the place is in no congressional district";
    case letters::PlaceProblem::spans_districts:
      return "ZIP " + place->zip + " spans " + std::to_string(place->cd.size()) +
             " congressional districts; give the supporter's address or coordinates";
    case letters::PlaceProblem::legislative_unknown: break;
  }
  return "a ZIP code cannot tell the state legislative districts; give the supporter's address or coordinates";
}

}  // namespace

void PlanTally::add(const Supporter& s, const letters::SenderPlan& plan, const geo::Location* place) {
  ++m_summary.supporters;
  if (plan.place_problem) {
    problem(s, s.place_column, place_reason(*plan.place_problem, place));
    return;
  }
  const std::string channel(to_string(m_campaign.channel));
  for (const auto& field : plan.missing_sender_fields) {
    const auto column = m_campaign.columns.find(field);
    problem(s, column == m_campaign.columns.end() ? "" : column->second,
            column == m_campaign.columns.end()
                ? "the " + channel + " prints the sender's " + field + ": map a column to '" + field +
                      "' in [supporters.columns]"
                : "no " + field + ", which the " + channel + " prints");
  }
  for (const auto& event : plan.events) {
    switch (event.kind) {
      case letters::PlanEvent::Kind::vacant_seat: ++m_summary.vacant_seats; break;
      case letters::PlanEvent::Kind::other_office:
        m_summary.notes.insert(event.target->official.name + ": " + event.note);
        break;
      case letters::PlanEvent::Kind::no_postal_address:
        problem(s, "", "no postal address on record for " + event.target->official.name);
        break;
      case letters::PlanEvent::Kind::no_public_email: break;
    }
  }
  for (const auto& letter : plan.letters) {
    auto [entry, added] = m_per_target.try_emplace(letter.meta.target.get());
    if (added) {
      entry->second.target = letter.meta.target;
    }
    ++entry->second.letters;
  }
  m_summary.letters += plan.letters.size();
}

void PlanTally::reject(const letters::LetterMeta& letter, const std::string& reason) {
  const auto& columns = m_campaign.columns;
  m_summary.problems.push_back({m_campaign.supporters.string(), reason, letter.row, letter.supporter_id,
                                columns.count("story") ? columns.at("story") : ""});
  --m_per_target.at(letter.target.get()).letters;
  --m_summary.letters;
}

PlanSummary PlanTally::finish() {
  for (const auto& [pointer, count] : m_per_target) {
    const auto& target = *count.target;
    auto& office = m_summary.per_office[{target.official.id, target.office}];
    office.official = target.official.title + " " + target.official.name;
    office.letters += count.letters;
  }
  // Offices whose every letter was rejected.
  std::erase_if(m_summary.per_office, [](const auto& entry) { return entry.second.letters <= 0; });
  m_per_target.clear();
  std::stable_sort(m_summary.problems.begin(), m_summary.problems.end(),
                   [](const Problem& a, const Problem& b) { return a.line < b.line; });
  return std::move(m_summary);
}

}  // namespace civic::campaign
