// civic remind: what is due now
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/reminders.hpp"
#include "cli/runtime.hpp"
#include "cli/schema.hpp"
#include "core/journal/tracking.hpp"

namespace civic::cli {
namespace {

const Schema<journal::Reminder>& reminder_schema() {
  using R = journal::Reminder;
  static const Schema<R> schema{
      {
          {"due", "DUE", [](const R& r) { return Cell(r.due); }},
          {"kind", "WHAT", [](const R& r) { return Cell(r.kind); }},
          {"text", "TO DO", [](const R& r) { return Cell(r.text); }},
          {"bill", "BILL", [](const R& r) { return Cell(r.bill); }},
          {"official_id", "OFFICIAL", [](const R& r) { return Cell(r.official_id); }},
          {"contact_id", "CONTACT", [](const R& r) { return Cell(r.contact_id ? std::to_string(r.contact_id) : ""); }},
      },
      {"due", "kind", "text", "bill", "official_id", "contact_id"},
  };
  return schema;
}

// What is due: each bill's news first (an alert is a reminder with no official), then the reminders.
Listing reminders_listing(const std::vector<journal::Reminder>& reminders, const std::vector<journal::Alert>& alerts) {
  std::vector<journal::Reminder> due;
  for (const auto& alert : alerts) {
    due.push_back({"bill-action", alert.due, alert.text, alert.bill, "", 0});
  }
  due.insert(due.end(), reminders.begin(), reminders.end());
  return owned_listing(reminder_schema(), std::move(due));
}

int run(Runtime& rt) {
  auto* db = rt.journal_if_exists();
  if (db == nullptr) {
    rt.note("nothing due: the journal is empty ('civic log' records a contact)");
    rt.output().emit(reminders_listing({}, {}));
    return to_int(ExitCode::ok);
  }
  const auto alerts = journal::unshown_alerts(*db);
  const auto reminders = journal::due_reminders(*db, remind_options(rt));
  rt.output().emit(reminders_listing(reminders, alerts));
  // A bill's news is shown once; the other reminders stay until settled.
  journal::mark_shown(*db, alerts, rt.now_utc());
  if (alerts.empty() && reminders.empty()) {
    rt.note("nothing due");
  }
  return to_int(ExitCode::ok);
}

}  // namespace

Action setup_remind(CLI::App& command) {
  command.footer(
      "Follow-ups whose day has come, letters with no reply after journal.no_reply_days, calls to make before a vote "
      "on a bill you wrote about, thanks owed when a bill you supported passed, and what 'civic bills sync' found. "
      "Log a new contact with the official about the bill to settle a reminder.");
  return [](Runtime& rt) { return run(rt); };
}

}  // namespace civic::cli
