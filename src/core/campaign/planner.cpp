#include "core/campaign/planner.hpp"

#include "core/campaign/rendering.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/letters/document.hpp"
#include "core/letters/recipient.hpp"
#include "core/reps/directory.hpp"
#include "core/reps/states.hpp"
#include "core/util/text.hpp"

namespace civic::campaign {
namespace {

void check_sender_columns(const Campaign& c, const letters::LetterTemplate& letter_template) {
  letters::Sender mapped;
  mapped.name = c.columns.count("name") ? "x" : "";
  if (c.columns.count("address") || c.columns.count("street")) {
    mapped.address_lines = {"x"};
  }
  mapped.email = c.columns.count("email") ? "x" : "";
  mapped.phone = c.columns.count("phone") ? "x" : "";
  const auto missing = letters::missing_sender_fields(letter_template, *letters::parse_channel(c.channel), mapped);
  if (!missing.empty()) {
    throw usage_error(c.file.string() + ": the " + c.channel + " template (" + letter_template.origin() +
                      ") prints the sender's " + text::join(missing, ", ") +
                      ", and [supporters.columns] maps no column to it")
        .hint("add e.g. " + missing.front() + " = \"<column>\"" +
              (missing.front() == "address" ? " (or street, city, state and zip)" : "") + " to [supporters.columns]");
  }
}

}  // namespace

void check_template_fields(const Campaign& c, const letters::LetterTemplate& letter_template) {
  check_sender_columns(c, letter_template);
  const auto& used = letter_template.supporter_fields();
  for (const auto& [field, column] : c.columns) {
    if (!is_supporter_field(field) && !used.count(field)) {
      const auto near = text::closest_match(field, supporter_fields());
      throw usage_error(c.file.string() + ": [supporters.columns] maps '" + field + "', which is no supporter field" +
                        " and which the template (" + letter_template.origin() + ") does not use as {{supporter." +
                        field + "}}")
          .hint(near ? "did you mean '" + *near + "'?" : "the fields are " + text::join(supporter_fields(), ", "));
    }
  }
  for (const auto& field : used) {
    if (!c.columns.count(field)) {
      throw usage_error(c.file.string() + ": the template (" + letter_template.origin() + ") uses {{supporter." +
                        field + "}}, and [supporters.columns] maps no column to '" + field + "'")
          .hint("add " + field + " = \"<column>\" to [supporters.columns]");
    }
  }
}

Planner::Planner(const PlanInputs& inputs, std::vector<Problem> read_problems) : m_in(inputs) {
  m_summary.problems = std::move(read_problems);
  for (const auto& id : m_in.campaign.officials) {
    auto official = reps::find_official(m_in.reference, id);
    if (!official || official->roles.empty()) {
      throw usage_error(m_in.campaign.file.string() + ": targets names '" + id + "', who holds no seat in the data")
          .hint("official ids are bioguide ids (C000127) or ocd-person/... ids; 'civic reps' lists them");
    }
    auto role = official->roles.front();
    m_named.push_back({std::make_shared<const reps::Official>(std::move(*official)), std::move(role), std::nullopt});
  }
}

// The officials of one supporter's place; a problem (and no targets) when
// the place cannot say which districts.
std::optional<std::string> Planner::place_targets(const geo::BulkRow& row, std::vector<Target>& targets) {
  if (!row.location) {
    return row.error;
  }
  const auto& location = *row.location;
  const auto& level = m_in.campaign.level;
  if (location.state.empty()) {
    return "the place is in no congressional district";
  }
  if (level != "state" && location.cd.size() > 1) {
    return "ZIP " + location.zip + " spans " + std::to_string(location.cd.size()) +
           " congressional districts; give the supporter's address or coordinates";
  }
  if (level != "federal" && !location.legislative_known) {
    return "a ZIP code cannot tell the state legislative districts; give the supporter's address or coordinates";
  }
  reps::SeatQuery filter;
  if (level != "all") {
    filter.level = reps::parse_level(level);
  }
  for (const auto& located : reps::seats_for_location(m_in.reference, location, filter, m_seats)) {
    if (located.seat.vacant()) {
      ++m_summary.vacant_seats;
      continue;
    }
    targets.push_back({located.seat.holder, located.seat.role, located.nearest_office});
  }
  return std::nullopt;
}

void Planner::add_letters(const Supporter& s, const std::vector<Target>& targets, std::vector<LetterJob>& out) {
  const auto& c = m_in.campaign;
  letters::LetterInput input;
  input.bill = &m_in.bill;
  input.stance = *letters::parse_stance(c.stance);
  input.channel = *letters::parse_channel(c.channel);
  input.date = m_in.letter_date;
  input.story = s.story;
  input.sender = s.sender;
  input.supporter_fields = s.fields;
  const auto missing = letters::missing_sender_fields(m_in.letter_template, input.channel, input.sender);
  for (const auto& field : missing) {
    const auto column = c.columns.find(field);
    m_summary.problems.push_back({s.row, s.id, column == c.columns.end() ? "" : column->second,
                                  column == c.columns.end()
                                      ? "the " + c.channel + " prints the sender's " + field + ": map a column to '" +
                                            field + "' in [supporters.columns]"
                                      : "no " + field + ", which the " + c.channel + " prints"});
  }
  if (!missing.empty()) {
    return;
  }
  const auto choice = *letters::parse_office_choice(c.office);
  for (const auto& target : targets) {
    const auto pick = letters::pick_office(*target.official, choice, target.nearest_office);
    if (pick.office == nullptr && input.channel == letters::Channel::letter) {
      m_summary.problems.push_back({s.row, s.id, "", "no postal address on record for " + target.official->name});
      continue;
    }
    if (!pick.note.empty()) {
      m_summary.notes.insert(target.official->name + ": " + pick.note);
    }
    input.recipient = letters::make_recipient(*target.official, target.role, pick.office);
    LetterMeta meta{s.row,
                    s.id,
                    {target.official->id, target.official->name, reps::office_label(target.role),
                     target.role.state, target.role.district},
                    input.recipient.office_kind,
                    pick.office ? pick.office->address : "",
                    bundle_stem(*target.official, pick.office, input.recipient.office_kind)};
    auto& count = m_summary.per_office[{meta.official.id, meta.office}];
    count.official = meta.official.title + " " + meta.official.name;
    ++count.letters;
    ++m_summary.letters;
    out.push_back({std::move(meta), input});
  }
}

std::vector<LetterJob> Planner::plan(const Supporter& s, const geo::BulkRow* located) {
  ++m_summary.supporters;
  std::vector<LetterJob> out;
  auto targets = m_named;
  if (located != nullptr) {
    if (const auto problem = place_targets(*located, targets)) {
      m_summary.problems.push_back({s.row, s.id, s.place_column, *problem});
      return out;
    }
  }
  add_letters(s, targets, out);
  return out;
}

void Planner::reject(const LetterMeta& letter, const std::string& reason) {
  const auto& columns = m_in.campaign.columns;
  m_summary.problems.push_back(
      {letter.row, letter.supporter_id, columns.count("story") ? columns.at("story") : "", reason});
  const auto key = std::make_pair(letter.official.id, letter.office);
  if (--m_summary.per_office[key].letters <= 0) {
    m_summary.per_office.erase(key);
  }
  --m_summary.letters;
}

PlanSummary& Planner::finish() {
  std::stable_sort(m_summary.problems.begin(), m_summary.problems.end(),
                   [](const Problem& a, const Problem& b) { return a.row < b.row; });
  return m_summary;
}

}  // namespace civic::campaign
