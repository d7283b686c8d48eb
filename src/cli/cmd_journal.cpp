// civic journal list|show|stats|export|import|edit|delete|restore
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/journal_args.hpp"
#include "cli/present_contact.hpp"
#include "cli/runtime.hpp"
#include "cli/subcommands.hpp"
#include "core/journal/exchange.hpp"
#include "core/journal/stats.hpp"
#include "core/util/files.hpp"
#include "core/util/text.hpp"

namespace civic::cli {
namespace {

struct Edits {
  std::optional<std::string> channel;
  std::optional<std::string> bill;
  std::optional<std::string> stance;
  std::optional<std::string> outcome;
  std::optional<std::string> notes;
  std::optional<std::string> follow_up;
  std::optional<std::string> at;
};

struct Options {
  FilterFlags filter;
  bool deleted = false;
  long id = 0;
  std::optional<std::string> out;
  std::string file;
  Edits edits;
};

std::vector<journal::Contact> selected(Runtime& rt, const Options& o) {
  auto filter = to_filter(rt, o.filter);
  filter.deleted = o.deleted;
  auto* db = rt.journal_if_exists();
  if (db == nullptr) {
    rt.note("no journal yet: 'civic log' or 'civic letter --log' starts one");
    return {};
  }
  return journal::list_contacts(*db, filter);
}

journal::Contact require_contact(Runtime& rt, long id) {
  auto* db = rt.journal_if_exists();
  auto contact = db ? journal::find_contact(*db, id) : std::nullopt;
  if (!contact) {
    throw usage_error(fmt::format("no contact {} in the journal", id)).hint("'civic journal list' shows their ids");
  }
  return *contact;
}

int list(const Options& o, Runtime& rt) {
  const auto contacts = selected(rt, o);
  rt.output().emit(contacts_listing(contacts));
  return to_int(ExitCode::ok);
}

int show(const Options& o, Runtime& rt) {
  const auto contact = require_contact(rt, o.id);
  rt.output().emit(contact_record(contact));
  return to_int(ExitCode::ok);
}

int stats(const Options& o, Runtime& rt) {
  const auto filter = to_filter(rt, o.filter);
  auto* db = rt.journal_if_exists();
  const auto result = db ? journal::journal_stats(*db, filter) : journal::JournalStats{};
  rt.output().emit(stats_listing(result));
  return to_int(ExitCode::ok);
}

journal::ExchangeFormat exchange_format(Runtime& rt, const std::optional<std::string>& path) {
  if (rt.options().format) {
    return *rt.options().format == "json" ? journal::ExchangeFormat::json : journal::ExchangeFormat::csv;
  }
  return path && text::lower(*path).ends_with(".json") ? journal::ExchangeFormat::json : journal::ExchangeFormat::csv;
}

int export_contacts(const Options& o, Runtime& rt) {
  const auto contacts = selected(rt, o);
  const auto text = journal::export_contacts(contacts, exchange_format(rt, o.out));
  if (!o.out) {
    rt.out() << text;
    return to_int(ExitCode::ok);
  }
  write_file_atomic(*o.out, text);
  rt.note(fmt::format("wrote {} contact(s) to {}", contacts.size(), *o.out));
  return to_int(ExitCode::ok);
}

int import_contacts(const Options& o, Runtime& rt) {
  const auto format =
      text::lower(o.file).ends_with(".json") ? journal::ExchangeFormat::json : journal::ExchangeFormat::csv;
  auto contacts = journal::read_exchange(read_file(o.file), o.file, format);
  const auto result = journal::import_contacts(rt.journal(), std::move(contacts), rt.now_utc());
  rt.out() << fmt::format("imported {} contact(s); {} already in the journal\n", result.added, result.already_present);
  return to_int(ExitCode::ok);
}

int edit(const Options& o, Runtime& rt) {
  auto contact = require_contact(rt, o.id);
  const auto& e = o.edits;
  auto cleared = [](const std::string& value) { return value == "none" || value.empty(); };
  if (e.channel) {
    contact.channel = *parse_channel(*e.channel);
  }
  if (e.bill) {
    contact.bill = cleared(*e.bill) ? std::nullopt : std::optional(canonical_bill(rt, *e.bill));
  }
  if (e.stance) {
    contact.stance = cleared(*e.stance) ? std::nullopt : parse_stance(*e.stance);
  }
  if (e.outcome) {
    contact.outcome = cleared(*e.outcome) ? std::nullopt : parse_outcome(*e.outcome);
  }
  if (e.notes) {
    contact.notes = *e.notes;
  }
  if (e.follow_up) {
    contact.follow_up =
        cleared(*e.follow_up) ? std::nullopt : std::optional(parse_day_flag(rt, *e.follow_up, "--follow-up"));
  }
  if (e.at) {
    contact.at = parse_at_flag(*e.at);
  }
  journal::update_contact(rt.journal(), contact, rt.now_utc());
  rt.output().emit(contact_record(*journal::find_contact(rt.journal(), o.id)));
  return to_int(ExitCode::ok);
}

int set_deleted(const Options& o, Runtime& rt, journal::Deleted deleted) {
  const auto contact = require_contact(rt, o.id);
  journal::set_deleted(rt.journal(), o.id, deleted, rt.now_utc());
  if (deleted == journal::Deleted::yes) {
    rt.out() << fmt::format("deleted contact {} ({}); undo with 'civic journal restore {}'\n", o.id,
                            contact_summary(contact), o.id);
  } else {
    rt.out() << fmt::format("restored contact {} ({})\n", o.id, contact_summary(contact));
  }
  return to_int(ExitCode::ok);
}

void add_edit_flags(CLI::App& command, Edits& e) {
  command.add_option("--channel", e.channel, "letter, email, form, call, visit or fax")
      ->check(CLI::IsMember(name_list(k_channel_names)));
  command.add_option("--bill", e.bill, "the bill (none to clear)");
  command.add_option("--stance", e.stance, "support, oppose, thanks, follow-up (none to clear)")
      ->check(CLI::IsMember(name_list(k_stance_names)) | CLI::IsMember({"none"}));
  command.add_option("--outcome", e.outcome, "drafted, sent, reached, voicemail, replied, no-answer (none to clear)")
      ->check(CLI::IsMember(name_list(k_outcome_names)) | CLI::IsMember({"none"}));
  command.add_option("--notes", e.notes, "replaces the notes");
  command.add_option("--follow-up", e.follow_up, "2026-12-05, +7d, or none");
  command.add_option("--at", e.at, "when it happened: 2026-11-20 or \"2026-11-20 14:30\"");
}

}  // namespace

Action setup_journal(CLI::App& command) {
  Subcommands<Options> subcommands(command);
  auto* o = &subcommands.options();
  auto* list_cmd = subcommands.add("list", "contacts, oldest first", list);
  add_filter_flags(*list_cmd, o->filter);
  list_cmd->add_flag("--deleted", o->deleted, "list the deleted contacts instead");
  subcommands.add("show", "one contact with every field", show)
      ->add_option("id", o->id, "the contact's id")
      ->required();
  add_filter_flags(*subcommands.add("stats", "contacts per official, bill and channel, and the reply rate", stats),
                   o->filter);
  auto* export_cmd = subcommands.add(
      "export", "contacts as CSV (default) or JSON (--format json), for import elsewhere", export_contacts);
  add_filter_flags(*export_cmd, o->filter);
  export_cmd->add_option("--out", o->out, "write to this file (atomically) instead of stdout");
  subcommands
      .add("import", "contacts from a file 'journal export' wrote (CSV or .json); known ones are skipped",
           import_contacts)
      ->add_option("file", o->file, "the exported file")
      ->required();
  auto* edit_cmd = subcommands.add("edit", "change a contact's fields", edit);
  edit_cmd->add_option("id", o->id, "the contact's id")->required();
  add_edit_flags(*edit_cmd, o->edits);
  subcommands
      .add("delete", "delete a contact (undo with 'journal restore')",
           [](const Options& opts, Runtime& rt) { return set_deleted(opts, rt, journal::Deleted::yes); })
      ->add_option("id", o->id, "the contact's id")
      ->required();
  subcommands
      .add("restore", "bring back a deleted contact",
           [](const Options& opts, Runtime& rt) { return set_deleted(opts, rt, journal::Deleted::no); })
      ->add_option("id", o->id, "the contact's id")
      ->required();
  return subcommands.action();
}

}  // namespace civic::cli
