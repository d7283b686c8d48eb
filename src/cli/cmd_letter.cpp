// civic letter --bill BILL --stance S (PLACE | --official ID...) [--level] [--channel] [--format] [--office]
//              [--sender-*] [--story TEXT | --story-file F] [--template FILE] [--out DIR] [--log]
#include <filesystem>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/letter_recipients.hpp"
#include "cli/runtime.hpp"
#include "core/bills/catalog.hpp"
#include "core/letters/document.hpp"
#include "core/letters/one_sender.hpp"
#include "core/letters/recipient.hpp"
#include "core/me.hpp"
#include "core/reps/states.hpp"
#include "core/util/files.hpp"
#include "core/util/text.hpp"

namespace civic::cli {
namespace {

struct Options {
  std::string bill;
  std::string stance;
  TargetQuery targets;
  std::string level = "federal";
  std::string channel = "letter";
  std::string format = "txt";
  std::string office = "district";
  std::optional<std::string> sender_name, sender_address, sender_email, sender_phone;
  std::optional<std::string> story, story_file, template_file, out_dir;
  bool log = false;
};

letters::Sender make_sender(const Options& o, Runtime& rt) {
  const auto me = load_me(rt.me_path());
  letters::Sender sender;
  sender.name = o.sender_name.value_or(me.name);
  sender.address_lines = letters::address_lines(o.sender_address.value_or(me.postal_address));
  sender.email = o.sender_email.value_or(me.email);
  sender.phone = o.sender_phone.value_or(me.phone);
  return sender;
}

std::string read_story(const Options& o) {
  if (o.story && o.story_file) {
    throw usage_error("give --story or --story-file, not both");
  }
  const auto story = o.story_file ? read_file(*o.story_file) : o.story.value_or("");
  return std::string(text::trim(story));
}

int run(const Options& o, Runtime& rt) {
  check_target_query(o.targets);
  const auto today = local_date(rt.env().clock.now());
  const auto catalog = bills::load_catalog(rt.templates_dir());
  letters::LetterRequest request;
  request.bill = &catalog.require(o.bill, bills::congress_on(today));
  request.stance = *parse_stance(o.stance);
  request.channel = *parse_channel(o.channel);
  request.format = *parse_letter_format(o.format);
  request.office = *letters::parse_office_choice(o.office);
  request.level = o.level == "all" ? std::nullopt : reps::parse_level(o.level);
  request.date = today;
  request.sender.story = read_story(o);
  request.sender.sender = make_sender(o, rt);
  const auto letter_template = letters::load_letter_template(
      rt.templates_dir(), request.channel,
      o.template_file ? std::optional<std::filesystem::path>(*o.template_file) : std::nullopt);
  letters::require_sender(letter_template, request.channel, request.sender.sender);
  if (!letter_template.supporter_fields().empty()) {
    throw usage_error(letter_template.origin() + " uses {{supporter." + *letter_template.supporter_fields().begin() +
                      "}}, which a campaign fills from its supporters CSV")
        .hint("use this template in a campaign (civic campaign run), or write the text into it");
  }
  if (request.format == LetterFormat::pdf && !o.out_dir && rt.out_is_tty()) {
    throw usage_error("a PDF is not for the terminal").hint("give --out DIR, or redirect: > letters.pdf");
  }
  auto targets = o.targets;
  targets.level = request.level;
  std::optional<geo::Location> place;
  if (targets.official_ids.empty()) {
    place = letter_place(rt, targets);
    request.place = &*place;
  } else {
    request.named = named_seats(rt, targets.official_ids);
  }
  if (o.out_dir) {
    request.out_dir = *o.out_dir;
  }
  request.log = o.log ? letters::LogLetters::yes : letters::LogLetters::no;
  const letters::LetterDeps deps{rt.reference(), letter_template, [&rt]() -> SQLite::Database& { return rt.journal(); },
                                 rt.now_utc(), [&rt](const letters::PlanEvent& event) { say_plan_event(rt, event); }};
  const auto result = letters::write_letters(request, deps);
  if (o.out_dir) {
    for (const auto& path : result.files) {
      rt.out() << path.string() << "\n";
    }
    rt.note(fmt::format("wrote {} {} to {}", result.files.size(), result.files.size() == 1 ? "file" : "files",
                        *o.out_dir));
  } else {
    rt.out() << result.stream;
  }
  if (!result.logged.empty()) {
    rt.note(fmt::format("logged {} drafted contact(s) in the journal (ids {} to {}); mark one sent with 'civic "
                        "journal edit ID --outcome sent'",
                        result.logged.size(), result.logged.front().id, result.logged.back().id));
  }
  return to_int(result.skipped ? ExitCode::partial : ExitCode::ok);
}

}  // namespace

Action setup_letter(CLI::App& command) {
  auto o = std::make_shared<Options>();
  command.add_option("--bill", o->bill, "the bill: hr1144-119, H.R. 1144, S. 1829 or P.L. 119-73")->required();
  command.add_option("--stance", o->stance, "support, oppose, thanks or follow-up")
      ->required()
      ->check(CLI::IsMember({"support", "oppose", "thanks", "follow-up"}));
  add_place_options(command, o->targets.place);
  command.add_option("--official", o->targets.official_ids, "write to these officials (bioguide or ocd-person ids)");
  command.add_option("--level", o->level, "federal (default), state or all")
      ->check(CLI::IsMember({"federal", "state", "all"}));
  command.add_option("--channel", o->channel, "letter (default), email, form (500 characters) or call (a script)")
      ->check(CLI::IsMember({"letter", "email", "form", "call"}));
  command.add_option("--format", o->format, "txt (default), md, html or pdf")
      ->check(CLI::IsMember({"txt", "md", "html", "pdf"}));
  command.add_option("--office", o->office, "district (default: the nearest district office) or capitol")
      ->check(CLI::IsMember({"district", "capitol"}));
  command.add_option("--sender-name", o->sender_name, "your name (default: from 'civic me set')");
  command.add_option("--sender-address", o->sender_address, "your postal address: street, city, state and ZIP");
  command.add_option("--sender-email", o->sender_email, "your email address");
  command.add_option("--sender-phone", o->sender_phone, "your phone number");
  command.add_option("--story", o->story, "a few sentences of your own: why this matters to you");
  command.add_option("--story-file", o->story_file, "your story, from a file");
  command.add_option("--template", o->template_file, "use this Mustache file instead of the channel's template");
  command.add_option("--out", o->out_dir, "write one file per official into this folder (default: stdout)");
  command.add_flag("--log", o->log, "record each letter in your journal as a drafted contact");
  return [o](Runtime& rt) { return run(*o, rt); };
}

}  // namespace civic::cli
