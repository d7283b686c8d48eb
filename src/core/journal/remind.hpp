#pragma once
// What is due now, from the journal: follow-ups whose day has come, written
// contacts with no reply after N days, calls to make before a vote on a
// bill the user wrote about, and thanks owed after a bill the user
// supported passed or became law. A later contact with the same official
// about the same bill settles the earlier one's reminders.

#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/clock.hpp"

namespace civic::journal {

struct RemindOptions {
  Date today;
  int no_reply_days = 21;
  int vote_window_days = 7;  // how far ahead a vote asks for a call
};

struct Reminder {
  std::string kind;  // follow-up | no-reply | call-before-vote | thank
  std::string due;   // the day it became due (or the vote's day)
  std::string text;
  std::string bill;
  std::string official_id;
  long contact_id = 0;  // the contact it comes from, when one
};

std::vector<Reminder> due_reminders(SQLite::Database& db, const RemindOptions& options);

}  // namespace civic::journal
