#include "cli/letter_recipients.hpp"

#include "cli/runtime.hpp"
#include "core/error.hpp"
#include "core/reps/directory.hpp"
#include "core/reps/for_location.hpp"
#include "core/reps/states.hpp"
#include "core/util/text.hpp"

namespace civic::cli {
namespace {

std::string cd_labels(const geo::Location& location) {
  std::vector<std::string> labels;
  for (const auto& match : location.cd) {
    labels.push_back(geo::cd_label(match.info->state, match.info->geoid) + " (" + match.info->geoid + ")");
  }
  return text::join(labels, ", ");
}

// The place as it was given, for a command to suggest.
std::string place_arguments(const PlaceOptions& place) {
  if (place.me) {
    return "--me";
  }
  if (place.latlon) {
    return "--latlon " + *place.latlon;
  }
  return place.zip ? "--zip " + *place.zip : "\"" + place.address_text() + "\"";
}

// A letter goes to one official per seat: a place that leaves the district
// open is not good enough.
void require_definite(const geo::Location& location, const TargetQuery& query) {
  const bool federal = !query.level || *query.level == reps::Level::federal;
  const bool state = !query.level || *query.level == reps::Level::state;
  if (federal && location.cd.size() > 1) {
    throw usage_error("ZIP " + location.zip + " spans " + cd_labels(location) +
                      ": a letter needs your own congressional district")
        .hint("pin yours with 'civic me set --zip " + location.zip +
              " --cd GEOID' and write with --me, or give your address or --latlon");
  }
  if (state && !location.legislative_known) {
    throw usage_error("a ZIP code cannot tell which state legislative districts you live in")
        .hint("give your address or --latlon, or write with --level federal");
  }
}

std::vector<LetterTarget> place_targets(Runtime& rt, const TargetQuery& query) {
  PlaceResolver resolver(rt, query.place);
  const auto location = resolver.resolve(query.place);
  if (location.state.empty()) {
    throw Error("'" + location.input + "' is in no congressional district")
        .hint("check the coordinates (latitude first) with 'civic locate'");
  }
  require_definite(location, query);
  const bool federal_only = query.level == reps::Level::federal;
  for (const auto& note : location.notes) {
    if (!(federal_only && note == geo::k_legislative_unknown_note)) {
      rt.note(note);
    }
  }
  if (location.near_boundary) {
    rt.warn("the place is within about 100 m of a district boundary: check its districts with 'civic locate " +
            place_arguments(query.place) + " --explain' before you send");
  }
  reps::SeatQuery filter;
  filter.level = query.level;
  std::vector<LetterTarget> targets;
  for (const auto& located : reps::seats_for_location(rt.reference(), location, filter)) {
    const auto& seat = located.seat;
    if (seat.vacant()) {
      rt.note("the seat of " + reps::office_label(seat.role) + " for " + seat.role.state +
              (seat.role.district.empty() ? "" : " district " + seat.role.district) + " is vacant: no letter");
      continue;
    }
    targets.push_back({seat.holder, seat.role, located.nearest_office});
  }
  return targets;
}

std::vector<LetterTarget> named_targets(Runtime& rt, const TargetQuery& query) {
  std::vector<LetterTarget> targets;
  for (const auto& id : query.official_ids) {
    auto official = reps::find_official(rt.reference(), id);
    if (!official) {
      throw usage_error("no official with id '" + id + "'")
          .hint("ids are bioguide ids (C000127) or ocd-person/... ids; list them with 'civic reps'");
    }
    if (official->roles.empty()) {
      throw Error(official->name + " (" + id + ") holds no current seat in the reference data");
    }
    auto role = official->roles.front();
    targets.push_back({std::make_shared<const reps::Official>(std::move(*official)), std::move(role), std::nullopt});
  }
  return targets;
}

}  // namespace

void check_target_query(const TargetQuery& query) {
  if (!query.official_ids.empty() && query.place.given()) {
    throw usage_error("give a place or --official, not both");
  }
  if (query.official_ids.empty() && !query.place.given()) {
    throw usage_error("say who to write to: a place (an address, --latlon, --zip or --me) or --official ID")
        .hint("for example: civic letter --bill hr1144 --stance support --latlon 47.6062,-122.3321");
  }
}

std::vector<LetterTarget> find_targets(Runtime& rt, const TargetQuery& query) {
  check_target_query(query);
  return query.official_ids.empty() ? place_targets(rt, query) : named_targets(rt, query);
}

}  // namespace civic::cli
