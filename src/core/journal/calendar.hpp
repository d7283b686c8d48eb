#pragma once
// Upcoming votes, hearings and follow-ups as an iCalendar file (RFC 5545).
// Days are all-day dates, the same in every time zone, as a vote's day is;
// each entry keeps its UID from one export to the next, so a calendar that
// imports the file again updates entries instead of doubling them.

#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/clock.hpp"

namespace civic::journal {

struct CalendarEntry {
  std::string uid;
  std::string first_day;  // 2026-12-02
  int days = 1;           // a floor week spans five
  std::string summary;
  std::string description;
  std::string url;
};

// Events from a week ago on, and the follow-ups still open.
std::vector<CalendarEntry> calendar_entries(SQLite::Database& db, Date today);

// The VCALENDAR text, CRLF line ends, lines folded at 75 octets.
std::string to_ics(const std::vector<CalendarEntry>& entries, TimePoint stamp);

// TEXT escaping: backslash, semicolon, comma and newline.
std::string ics_escape(std::string_view text);
// Folds one content line (without its CRLF) at 75 octets, never inside a
// UTF-8 character.
std::string ics_fold(std::string_view line);

}  // namespace civic::journal
