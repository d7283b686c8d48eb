#pragma once
// The first step of every letter: for a sender and their place (or the
// officials named), the seats, the officials who hold them and the office
// each letter goes to. What stands in the way (a place that cannot name its
// districts, a vacant seat, an official with no postal address) is said as
// an event, for each caller to word: `civic letter` warns, a campaign lists
// a problem. Planning reads reference.db, on one thread; the letters it
// plans are rendered anywhere.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/bills/catalog.hpp"
#include "core/geo/place.hpp"
#include "core/journal/contact.hpp"
#include "core/letters/letter.hpp"
#include "core/letters/recipient.hpp"
#include "core/letters/template.hpp"
#include "core/reps/for_location.hpp"

namespace civic::letters {

// An official at one office: what every letter to them there shares.
struct LetterTarget {
  journal::OfficialSnapshot official;
  std::string office_kind;  // district | capitol
  std::string office;       // the address, on one line
  std::string bundle;       // its office bundle, without extension
  Recipient recipient;
};

// Whose letter it is and where it goes: what the manifest, the bundles and
// the journal record of it.
struct LetterMeta {
  std::size_t row = 0;  // the sender's CSV line (0 for one sender)
  std::string supporter_id;
  std::shared_ptr<const LetterTarget> target;
};

// One letter to write.
struct PlannedLetter {
  LetterMeta meta;
  // The sender's part of the letter, shared by their letters: all but the
  // recipient, which is the target's.
  std::shared_ptr<const LetterInput> from;
};

// A sender: who they are, what they add, and which CSV row they came from.
struct SenderInput {
  std::size_t row = 0;
  std::string id;
  Sender sender;
  std::string story;
  std::map<std::string, std::string> fields;  // the template's own: {{supporter.<field>}}
};

// Why a place cannot name a sender's officials: a letter goes to one
// official per seat, and a place that leaves the district open is not good
// enough.
enum class PlaceProblem {
  outside_districts,    // in no congressional district
  spans_districts,      // a ZIP code over several congressional districts
  legislative_unknown,  // a ZIP code cannot tell the state legislative districts
};
// The problem with writing from `place` to the officials of `level` (nullopt: every level).
std::optional<PlaceProblem> place_problem(const geo::Location& place, std::optional<reps::Level> level);

// Something planning met on the way, in the order met: seats first, then
// each target.
struct PlanEvent {
  enum class Kind {
    vacant_seat,        // no letter
    other_office,       // another kind of office than asked; `note` says why
    no_postal_address,  // no letter on the letter channel
    no_public_email,    // the email has no address to go to
  };
  Kind kind;
  reps::Role seat;                             // the vacant seat
  std::shared_ptr<const LetterTarget> target;  // the official and office, but for a vacant seat
  std::string note;
};

struct SenderPlan {
  std::vector<PlannedLetter> letters;  // in target order
  std::optional<PlaceProblem> place_problem;
  std::vector<std::string> missing_sender_fields;  // "name", "address"...: no letter is planned
  std::vector<PlanEvent> events;
};

// An official named to write to, with the seat they are written to in.
struct NamedSeat {
  std::shared_ptr<const reps::Official> official;
  reps::Role role;
};

struct PlanSettings {
  SQLite::Database& reference;
  const bills::Bill& bill;
  Stance stance = Stance::support;
  Channel channel = Channel::letter;
  Date date;
  OfficeChoice office = OfficeChoice::district;
  std::optional<reps::Level> level;  // nullopt: every level
  const LetterTemplate& letter_template;
  std::vector<NamedSeat> named;  // when given, the place is not asked
};

class Planner {
public:
  explicit Planner(PlanSettings settings);

  // The letters of one sender at `place` (null when officials are named).
  // Events point into the planner: use them while it lives.
  SenderPlan plan(const SenderInput& sender, const geo::Location* place);

private:
  struct Target {
    const reps::Official* official = nullptr;
    const reps::Role* role = nullptr;
    std::optional<std::size_t> nearest_office;
  };
  using TargetKey = std::tuple<const reps::Official*, const reps::Role*, const reps::Office*>;

  void place_targets(const geo::Location& place, std::vector<Target>& targets, SenderPlan& out);
  // The target, and whether it was made just now.
  std::pair<std::shared_ptr<const LetterTarget>, bool> target_of(const Target& target, const OfficePick& pick);

  PlanSettings m_settings;
  std::vector<Target> m_named;
  reps::SeatCache m_seats;
  // A target's letters share one LetterTarget, made on its first letter.
  std::map<TargetKey, std::shared_ptr<const LetterTarget>> m_targets;
};

// The bundle path for letters to `office` of `official` (without extension):
// one per office, named by the official and the office's kind and city.
std::string bundle_stem(const reps::Official& official, const reps::Office* office, const std::string& office_kind);

}  // namespace civic::letters
