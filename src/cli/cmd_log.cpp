// civic log --official ID --channel C [--bill B] [--stance S] [--outcome O] [--notes T] [--follow-up D] [--at T]
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/journal_args.hpp"
#include "cli/present_contact.hpp"
#include "cli/runtime.hpp"

namespace civic::cli {
namespace {

struct Options {
  std::string official;
  std::string channel;
  std::optional<std::string> bill;
  std::optional<std::string> stance;
  std::optional<std::string> outcome;
  std::string notes;
  std::optional<std::string> follow_up;
  std::optional<std::string> at;
};

int run(const Options& o, Runtime& rt) {
  journal::Contact contact;
  contact.official = snapshot_official(rt, o.official);
  contact.channel = *parse_channel(o.channel);
  contact.at = o.at ? parse_at_flag(*o.at) : rt.now_utc();
  if (o.bill) {
    contact.bill = canonical_bill(rt, *o.bill);
  }
  contact.stance = o.stance ? parse_stance(*o.stance) : std::nullopt;
  // A letter, email or form logged without an outcome was sent; a call's
  // outcome is only known when the caller says it.
  contact.outcome = o.outcome                             ? parse_outcome(*o.outcome)
                    : written_channel(contact.channel) ? std::optional(Outcome::sent)
                                                          : std::nullopt;
  contact.notes = o.notes;
  if (o.follow_up) {
    contact.follow_up = parse_day_flag(rt, *o.follow_up, "--follow-up");
  }
  const auto saved = journal::add_contact(rt.journal(), contact, rt.now_utc());
  rt.out() << "logged contact " << saved.id << ": " << contact_summary(saved)
           << (saved.follow_up ? "; follow up on " + *saved.follow_up : "") << "\n";
  return to_int(ExitCode::ok);
}

}  // namespace

Action setup_log(CLI::App& command) {
  auto o = std::make_shared<Options>();
  command.add_option("--official", o->official, "who you contacted: bioguide or ocd-person id")->required();
  command.add_option("--channel", o->channel, "letter, email, form, call, visit or fax")
      ->required()
      ->check(CLI::IsMember(name_list(k_channel_names)));
  command.add_option("--bill", o->bill, "the bill it was about: hr1144-119, H.R. 1144, S. 1829");
  command.add_option("--stance", o->stance, "support, oppose, thanks or follow-up")
      ->check(CLI::IsMember(name_list(k_stance_names)));
  command.add_option("--outcome", o->outcome, "drafted, sent, reached, voicemail, replied or no-answer")
      ->check(CLI::IsMember(name_list(k_outcome_names)));
  command.add_option("--notes", o->notes, "what was said, who you spoke to");
  command.add_option("--follow-up", o->follow_up, "when to follow up: 2026-12-05 or +7d");
  command.add_option("--at", o->at, "when it happened (default: now): 2026-11-20 or \"2026-11-20 14:30\"");
  return [o](Runtime& rt) { return run(*o, rt); };
}

}  // namespace civic::cli
