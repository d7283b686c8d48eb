#pragma once
// Tracked bills and what syncs learn about them. Every action seen is kept;
// a new one raises exactly one alert (keyed by bill and action), which
// `civic remind` shows once.

#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/bills/congress_api.hpp"

namespace civic::journal {

struct TrackedBill {
  std::string bill;  // hr1144-119
  std::string added_at;
  std::optional<std::string> synced_at;
  std::string title;
  std::string latest_action_date;
  std::string latest_action_text;
  std::string law;  // "119-73" once enacted
};

// False when it was tracked already.
bool track_bill(SQLite::Database& db, const std::string& bill, const std::string& title, const std::string& now);
// False when it was not tracked.
bool untrack_bill(SQLite::Database& db, const std::string& bill);
std::vector<TrackedBill> tracked_bills(SQLite::Database& db);
bool is_tracked(SQLite::Database& db, const std::string& bill);

struct SyncOutcome {
  int new_actions = 0;
  int alerts = 0;
  bool first_sync = false;
};

// Stores what a sync found, in one transaction. On a bill's first sync only
// its latest action raises an alert (its history is not news); afterwards
// every action not seen before does.
SyncOutcome record_sync(SQLite::Database& db, const std::string& bill, const std::string& display,
                        const bills::CongressStatus& status, const std::string& now);

struct Alert {
  long id = 0;
  std::string bill;
  std::string due;  // the action's date
  std::string text;
};

// Alerts not shown yet, oldest first; `mark_shown` records they were.
std::vector<Alert> unshown_alerts(SQLite::Database& db);
void mark_shown(SQLite::Database& db, const std::vector<Alert>& alerts, const std::string& now);

}  // namespace civic::journal
