// civic letter --bill BILL --stance S (PLACE | --official ID...) [--level] [--channel] [--format] [--office]
//              [--sender-*] [--story TEXT | --story-file F] [--template FILE] [--out DIR] [--log]
#include <filesystem>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/letter_recipients.hpp"
#include "cli/runtime.hpp"
#include "core/bills/catalog.hpp"
#include "core/journal/contact.hpp"
#include "core/letters/document.hpp"
#include "core/letters/print_module.hpp"
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

struct Letters {
  std::vector<letters::LetterDocument> docs;
  std::vector<journal::OfficialSnapshot> officials;  // one per letter, for --log
  bool skipped = false;  // an official could not be written to
};

Letters compose_all(const Options& o, Runtime& rt, const letters::LetterTemplate& letter_template,
                    letters::LetterInput input) {
  Letters out;
  const auto choice = *letters::parse_office_choice(o.office);
  for (const auto& target : find_targets(rt, o.targets)) {
    const auto pick = letters::pick_office(*target.official, choice, target.nearest_office);
    if (!pick.note.empty()) {
      rt.note(target.official->name + ": " + pick.note);
    }
    if (pick.office == nullptr && input.channel == Channel::letter) {
      rt.warn("no postal address on record for " + target.official->name + " (" + target.official->id +
              "): no letter; try --channel email or form");
      out.skipped = true;
      continue;
    }
    input.recipient = letters::make_recipient(*target.official, target.role, pick.office);
    if (input.channel == Channel::email && input.recipient.email.empty()) {
      rt.warn(target.official->name + " has no public email address on record" +
              (input.recipient.contact_form.empty() ? std::string()
                                                    : "; their contact form is " + input.recipient.contact_form));
    }
    out.docs.push_back(letters::compose(letter_template, input));
    out.officials.push_back({target.official->id, target.official->name, reps::office_label(target.role),
                             target.role.state, target.role.district});
  }
  return out;
}

std::string render(const std::vector<letters::LetterDocument>& docs, const std::string& format,
                   const letters::LetterInput& input) {
  if (format == "html") {
    return letters::to_html(docs);
  }
  if (format == "pdf") {
    const auto title = input.bill->id.display() + ": " + std::string(to_string(input.stance));
    return letters::print_module().letters_pdf(docs, title, format_date(input.date));
  }
  std::string out;
  for (const auto& doc : docs) {
    if (!out.empty()) {
      out += format == "md" ? "\n---\n\n" : "\f\n";  // a page break between letters
    }
    out += format == "md" ? letters::to_markdown(doc) : letters::to_text(doc);
  }
  return out;
}

std::vector<std::string> write_files(const std::vector<letters::LetterDocument>& docs, const Options& o,
                                     Runtime& rt, const letters::LetterInput& input) {
  const std::filesystem::path dir = *o.out_dir;
  std::filesystem::create_directories(dir);
  std::set<std::string> used;
  std::vector<std::string> paths;
  for (const auto& doc : docs) {
    auto stem = doc.file_stem;
    for (int n = 2; used.count(stem) > 0; ++n) {
      stem = doc.file_stem + "-" + std::to_string(n);
    }
    used.insert(stem);
    const auto path = dir / (stem + "." + o.format);
    write_file_atomic(path, render({doc}, o.format, input));
    rt.out() << path.string() << "\n";
    paths.push_back(path.string());
  }
  rt.note(fmt::format("wrote {} {} to {}", docs.size(), docs.size() == 1 ? "file" : "files", dir.string()));
  return paths;
}

// --log: each letter becomes a drafted contact, all in one transaction.
void log_letters(Runtime& rt, const Letters& composed, const letters::LetterInput& input,
                 const std::vector<std::string>& paths) {
  std::vector<journal::Contact> contacts;
  for (std::size_t i = 0; i < composed.docs.size(); ++i) {
    journal::Contact contact;
    contact.at = rt.now_utc();
    contact.official = composed.officials[i];
    contact.channel = input.channel;
    contact.bill = input.bill->id.canonical();
    contact.stance = input.stance;
    contact.outcome = Outcome::drafted;
    contact.notes = i < paths.size() ? paths[i] : "";
    contact.origin = "letter";
    contacts.push_back(std::move(contact));
  }
  journal::add_contacts(rt.journal(), contacts, rt.now_utc());
  rt.note(fmt::format("logged {} drafted contact(s) in the journal (ids {} to {}); mark one sent with 'civic "
                      "journal edit ID --outcome sent'",
                      contacts.size(), contacts.front().id, contacts.back().id));
}

int run(const Options& o, Runtime& rt) {
  check_target_query(o.targets);
  const auto today = local_date(rt.env().clock.now());
  const auto catalog = bills::load_catalog(rt.templates_dir());
  letters::LetterInput input;
  input.bill = &catalog.require(o.bill, bills::congress_on(today));
  input.stance = *parse_stance(o.stance);
  input.channel = *parse_channel(o.channel);
  input.date = today;
  input.story = read_story(o);
  input.sender = make_sender(o, rt);
  const auto letter_template = letters::load_letter_template(
      rt.templates_dir(), input.channel,
      o.template_file ? std::optional<std::filesystem::path>(*o.template_file) : std::nullopt);
  letters::require_sender(letter_template, input.channel, input.sender);
  if (!letter_template.supporter_fields().empty()) {
    throw usage_error(letter_template.origin() + " uses {{supporter." + *letter_template.supporter_fields().begin() +
                      "}}, which a campaign fills from its supporters CSV")
        .hint("use this template in a campaign (civic campaign run), or write the text into it");
  }
  if (o.format == "pdf" && !o.out_dir && rt.out_is_tty()) {
    throw usage_error("a PDF is not for the terminal").hint("give --out DIR, or redirect: > letters.pdf");
  }
  auto options = o;
  options.targets.level = o.level == "all" ? std::nullopt : reps::parse_level(o.level);
  const auto composed = compose_all(options, rt, letter_template, input);
  if (composed.docs.empty()) {
    throw Error("no letter to write: no official with an address at this place");
  }
  if (o.log) {
    rt.journal();  // a journal that cannot be written stops us before any letter is
  }
  std::vector<std::string> paths;
  if (o.out_dir) {
    paths = write_files(composed.docs, o, rt, input);
  } else {
    rt.out() << render(composed.docs, o.format, input);
  }
  if (o.log) {
    log_letters(rt, composed, input, paths);
  }
  return to_int(composed.skipped ? ExitCode::partial : ExitCode::ok);
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
