#include "cli/letter_recipients.hpp"

#include "cli/runtime.hpp"
#include "core/error.hpp"
#include "core/reps/directory.hpp"
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
  switch (letters::place_problem(location, query.level).value_or(letters::PlaceProblem::outside_districts)) {
    case letters::PlaceProblem::spans_districts:
      throw usage_error("ZIP " + location.zip + " spans " + cd_labels(location) +
                        ": a letter needs your own congressional district")
          .hint("pin yours with 'civic me set --zip " + location.zip +
                " --cd GEOID' and write with --me, or give your address or --latlon");
    case letters::PlaceProblem::legislative_unknown:
      throw usage_error("a ZIP code cannot tell which state legislative districts you live in")
          .hint("give your address or --latlon, or write with --level federal");
    case letters::PlaceProblem::outside_districts: break;  // named by letter_place
  }
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

geo::Location letter_place(Runtime& rt, const TargetQuery& query) {
  PlaceResolver resolver(rt, query.place);
  auto location = resolver.resolve(query.place);
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
  return location;
}

std::vector<letters::NamedSeat> named_seats(Runtime& rt, const std::vector<std::string>& ids) {
  std::vector<letters::NamedSeat> named;
  for (const auto& id : ids) {
    auto official = reps::find_official(rt.reference(), id);
    if (!official) {
      throw usage_error("no official with id '" + id + "'")
          .hint("ids are bioguide ids (C000127) or ocd-person/... ids; list them with 'civic reps'");
    }
    if (official->roles.empty()) {
      throw Error(official->name + " (" + id + ") holds no current seat in the reference data");
    }
    auto role = official->roles.front();
    named.push_back({std::make_shared<const reps::Official>(std::move(*official)), std::move(role)});
  }
  return named;
}

void say_plan_event(Runtime& rt, const letters::PlanEvent& event) {
  using Kind = letters::PlanEvent::Kind;
  switch (event.kind) {
    case Kind::vacant_seat:
      rt.note("the seat of " + reps::office_label(event.seat) + " for " + event.seat.state +
              (event.seat.district.empty() ? "" : " district " + event.seat.district) + " is vacant: no letter");
      return;
    case Kind::other_office: rt.note(event.target->official.name + ": " + event.note); return;
    case Kind::no_postal_address:
      rt.warn("no postal address on record for " + event.target->official.name + " (" + event.target->official.id +
              "): no letter; try --channel email or form");
      return;
    case Kind::no_public_email: {
      const auto& form = event.target->recipient.contact_form;
      rt.warn(event.target->official.name + " has no public email address on record" +
              (form.empty() ? std::string() : "; their contact form is " + form));
      return;
    }
  }
}

}  // namespace civic::cli
