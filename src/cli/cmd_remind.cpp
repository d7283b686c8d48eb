// civic remind: what is due now
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/reminders.hpp"
#include "cli/runtime.hpp"
#include "core/journal/tracking.hpp"

namespace civic::cli {
namespace {

Table reminders_table(const std::vector<journal::Reminder>& reminders, const std::vector<journal::Alert>& alerts) {
  Table table;
  table.columns = {{"due", "DUE"}, {"kind", "WHAT"}, {"text", "TO DO"}, {"bill", "BILL"},
                   {"official_id", "OFFICIAL"}, {"contact_id", "CONTACT"}};
  for (const auto& alert : alerts) {
    table.rows.push_back({alert.due, "bill-action", alert.text, alert.bill, "", ""});
  }
  for (const auto& r : reminders) {
    table.rows.push_back({r.due, r.kind, r.text, r.bill, r.official_id, r.contact_id ? std::to_string(r.contact_id)
                                                                                     : std::string()});
  }
  return table;
}

int run(Runtime& rt) {
  auto* db = rt.journal_if_exists();
  if (db == nullptr) {
    rt.note("nothing due: the journal is empty ('civic log' records a contact)");
    rt.output().emit(reminders_table({}, {}));
    return to_int(ExitCode::ok);
  }
  const auto alerts = journal::unshown_alerts(*db);
  const auto reminders = journal::due_reminders(*db, remind_options(rt));
  rt.output().emit(reminders_table(reminders, alerts));
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
