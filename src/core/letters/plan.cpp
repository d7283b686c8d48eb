#include "core/letters/plan.hpp"

#include "core/letters/document.hpp"
#include "core/reps/states.hpp"

namespace civic::letters {

Planner::Planner(PlanSettings settings) : m_settings(std::move(settings)) {
  for (const auto& named : m_settings.named) {
    m_named.push_back({named.official.get(), &named.role, std::nullopt});
  }
}

// The officials of one sender's place; a problem (and no targets) when the
// place cannot say which districts.
std::optional<PlaceProblem> place_problem(const geo::Location& place, std::optional<reps::Level> level) {
  if (place.state.empty()) {
    return PlaceProblem::outside_districts;
  }
  if (level != reps::Level::state && place.cd.size() > 1) {
    return PlaceProblem::spans_districts;
  }
  if (level != reps::Level::federal && !place.legislative_known) {
    return PlaceProblem::legislative_unknown;
  }
  return std::nullopt;
}

void Planner::place_targets(const geo::Location& place, std::vector<Target>& targets, SenderPlan& out) {
  const auto level = m_settings.level;
  out.place_problem = place_problem(place, level);
  if (out.place_problem) {
    return;
  }
  reps::SeatQuery filter;
  filter.level = level;
  for (const auto& located : m_seats.located(m_settings.reference, place, filter)) {
    if (located.seat->vacant()) {
      out.events.push_back({PlanEvent::Kind::vacant_seat, located.seat->role, nullptr, ""});
      continue;
    }
    targets.push_back({located.seat->holder.get(), &located.seat->role, located.nearest_office});
  }
}

std::pair<std::shared_ptr<const LetterTarget>, bool> Planner::target_of(const Target& target,
                                                                         const OfficePick& pick) {
  const TargetKey key{target.official, target.role, pick.office};
  if (const auto found = m_targets.find(key); found != m_targets.end()) {
    return {found->second, false};
  }
  const auto& official = *target.official;
  auto made = std::make_shared<LetterTarget>();
  made->recipient = make_recipient(official, *target.role, pick.office);
  made->official = {official.id, official.name, reps::office_label(*target.role), target.role->state,
                    target.role->district};
  made->office_kind = made->recipient.office_kind;
  made->office = pick.office ? pick.office->address : "";
  made->bundle = bundle_stem(official, pick.office, made->office_kind);
  return {m_targets.emplace(key, std::move(made)).first->second, true};
}

SenderPlan Planner::plan(const SenderInput& s, const geo::Location* place) {
  SenderPlan out;
  auto targets = m_named;
  if (place != nullptr) {
    place_targets(*place, targets, out);
    if (out.place_problem) {
      return out;
    }
  }
  auto from = std::make_shared<LetterInput>();
  from->bill = &m_settings.bill;
  from->stance = m_settings.stance;
  from->channel = m_settings.channel;
  from->date = m_settings.date;
  from->story = s.story;
  from->sender = s.sender;
  from->supporter_fields = s.fields;
  out.missing_sender_fields = missing_sender_fields(m_settings.letter_template, from->channel, from->sender);
  if (!out.missing_sender_fields.empty()) {
    return out;
  }
  for (const auto& target : targets) {
    const auto pick = pick_office(*target.official, m_settings.office, target.nearest_office);
    auto [letter_target, first] = target_of(target, pick);
    if (pick.office == nullptr && from->channel == Channel::letter) {
      out.events.push_back({PlanEvent::Kind::no_postal_address, {}, std::move(letter_target), ""});
      continue;
    }
    if (first && !pick.note.empty()) {
      // Said once per target, when it is first met.
      out.events.push_back({PlanEvent::Kind::other_office, {}, letter_target, pick.note});
    }
    if (from->channel == Channel::email && letter_target->recipient.email.empty()) {
      out.events.push_back({PlanEvent::Kind::no_public_email, {}, letter_target, ""});
    }
    out.letters.push_back({{s.row, s.id, std::move(letter_target)}, from});
  }
  return out;
}

std::string bundle_stem(const reps::Official& official, const reps::Office* office, const std::string& office_kind) {
  auto stem = "bundles/" + file_slug(official.name + "-" + official.id) + "-" + office_kind;
  if (office == nullptr) {
    return stem;
  }
  std::size_t same_kind = 0, same_city = 0, ordinal = 0;
  for (const auto& o : official.offices) {
    if (o.kind != office->kind) {
      continue;
    }
    ++same_kind;
    if (o.city == office->city) {
      ++same_city;
      ordinal = &o == office ? same_city : ordinal;
    }
  }
  if (same_kind > 1) {
    stem += "-" + file_slug(office->city.empty() ? "office" : office->city);
  }
  if (same_city > 1) {
    stem += "-" + std::to_string(ordinal);
  }
  return stem;
}

}  // namespace civic::letters
