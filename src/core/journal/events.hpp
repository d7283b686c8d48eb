#pragma once
// Upcoming votes, hearings and markups on bills: the ones the user adds and
// the House floor schedule's weeks.

#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

namespace civic::journal {

inline constexpr std::string_view k_event_kinds[] = {"vote", "hearing", "markup"};

struct Event {
  long id = 0;
  std::string uid;
  std::string bill;  // hr1144-119
  std::string day;   // 2026-12-02; for the floor schedule, the week's Monday
  std::string kind;  // vote | hearing | markup | floor
  std::string chamber;  // house | senate | ""
  std::string title;
  std::string origin;  // user | house-floor
};

// False when the same event (bill, day, kind, chamber) is there already.
bool add_event(SQLite::Database& db, Event event, const std::string& now);

// Replaces the floor-schedule events of the week starting `week_day` with
// `events`, in one transaction (an item taken off the schedule goes away).
void replace_floor_week(SQLite::Database& db, const std::string& week_day, std::vector<Event> events,
                        const std::string& now);

// Events from `first_day` to `last_day`, both included, by day.
std::vector<Event> events_between(SQLite::Database& db, const std::string& first_day, const std::string& last_day);

}  // namespace civic::journal
