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
  const auto missing = letters::missing_sender_fields(letter_template, c.channel, mapped);
  if (!missing.empty()) {
    throw usage_error(c.file.string() + ": the " + std::string(to_string(c.channel)) + " template (" + letter_template.origin() +
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

Planner::Planner(const PlanInputs& inputs, std::vector<Problem> read_problems)
    : m_in(inputs), m_office_choice(inputs.campaign.office) {
  m_summary.problems = std::move(read_problems);
  for (const auto& id : m_in.campaign.officials) {
    auto official = reps::find_official(m_in.reference, id);
    if (!official || official->roles.empty()) {
      throw usage_error(m_in.campaign.file.string() + ": targets names '" + id + "', who holds no seat in the data")
          .hint("official ids are bioguide ids (C000127) or ocd-person/... ids; 'civic reps' lists them");
    }
    auto role = official->roles.front();
    m_named_seats.emplace_back(std::make_shared<const reps::Official>(std::move(*official)), std::move(role));
  }
  for (const auto& [official, role] : m_named_seats) {
    m_named.push_back({official.get(), &role, std::nullopt});
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
  if (level != reps::Level::state && location.cd.size() > 1) {
    return "ZIP " + location.zip + " spans " + std::to_string(location.cd.size()) +
           " congressional districts; give the supporter's address or coordinates";
  }
  if (level != reps::Level::federal && !location.legislative_known) {
    return "a ZIP code cannot tell the state legislative districts; give the supporter's address or coordinates";
  }
  reps::SeatQuery filter;
  filter.level = level;
  for (const auto& located : m_seats.located(m_in.reference, location, filter)) {
    if (located.seat->vacant()) {
      ++m_summary.vacant_seats;
      continue;
    }
    targets.push_back({located.seat->holder.get(), &located.seat->role, located.nearest_office});
  }
  return std::nullopt;
}

Planner::TargetEntry& Planner::target_entry(const Target& target, const letters::OfficePick& pick) {
  const TargetKey key{target.official, target.role, pick.office};
  auto found = m_targets.find(key);
  if (found != m_targets.end()) {
    return found->second;
  }
  const auto& official = *target.official;
  auto made = std::make_shared<LetterTarget>();
  made->recipient = letters::make_recipient(official, *target.role, pick.office);
  made->official = {official.id, official.name, reps::office_label(*target.role), target.role->state,
                    target.role->district};
  made->office_kind = made->recipient.office_kind;
  made->office = pick.office ? pick.office->address : "";
  made->bundle = bundle_stem(official, pick.office, made->office_kind);
  if (!pick.note.empty()) {
    m_summary.notes.insert(official.name + ": " + pick.note);
  }
  auto& count = m_summary.per_office[{made->official.id, made->office}];
  count.official = made->official.title + " " + made->official.name;
  return m_targets.emplace(key, TargetEntry{std::move(made), &count}).first->second;
}

void Planner::add_letters(const Supporter& s, const std::vector<Target>& targets, std::vector<LetterJob>& out) {
  const auto& c = m_in.campaign;
  auto from = std::make_shared<letters::LetterInput>();
  from->bill = &m_in.bill;
  from->stance = c.stance;
  from->channel = c.channel;
  from->date = m_in.letter_date;
  from->story = s.story;
  from->sender = s.sender;
  from->supporter_fields = s.fields;
  const auto missing = letters::missing_sender_fields(m_in.letter_template, from->channel, from->sender);
  const std::string channel(to_string(c.channel));
  for (const auto& field : missing) {
    const auto column = c.columns.find(field);
    m_summary.problems.push_back({s.row, s.id, column == c.columns.end() ? "" : column->second,
                                  column == c.columns.end()
                                      ? "the " + channel + " prints the sender's " + field + ": map a column to '" +
                                            field + "' in [supporters.columns]"
                                      : "no " + field + ", which the " + channel + " prints"});
  }
  if (!missing.empty()) {
    return;
  }
  for (const auto& target : targets) {
    const auto pick = letters::pick_office(*target.official, m_office_choice, target.nearest_office);
    if (pick.office == nullptr && from->channel == Channel::letter) {
      m_summary.problems.push_back({s.row, s.id, "", "no postal address on record for " + target.official->name});
      continue;
    }
    auto& entry = target_entry(target, pick);
    ++entry.count->letters;
    ++m_summary.letters;
    out.push_back({{s.row, s.id, entry.target}, from});
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
  --m_summary.per_office[{letter.target->official.id, letter.target->office}].letters;
  --m_summary.letters;
}

PlanSummary& Planner::finish() {
  // Offices whose every letter was rejected; erased only now, since
  // m_targets points at the counts.
  std::erase_if(m_summary.per_office, [](const auto& entry) { return entry.second.letters <= 0; });
  m_targets.clear();
  std::stable_sort(m_summary.problems.begin(), m_summary.problems.end(),
                   [](const Problem& a, const Problem& b) { return a.row < b.row; });
  return m_summary;
}

}  // namespace civic::campaign
