#include "core/journal/calendar.hpp"

#include <fmt/format.h>

#include "core/bills/bill_id.hpp"
#include "core/db/statement.hpp"
#include "core/journal/events.hpp"

namespace civic::journal {
namespace {

constexpr std::size_t k_fold_octets = 75;

// iCalendar's basic format: 2026-12-02 -> 20261202, 2026-11-28T12:00:00Z ->
// 20261128T120000Z.
std::string basic_format(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c != '-' && c != ':') {
      out += c;
    }
  }
  return out;
}

std::string day_after(const std::string& day, int days) {
  const auto date = parse_date(day);
  return date ? format_date(Date{std::chrono::sys_days{*date} + std::chrono::days{days}}) : day;
}

std::string bill_url(const std::string& canonical) {
  const auto id = bills::parse_bill_id(canonical, 0);
  return id ? id->url() : "";
}

CalendarEntry from_event(const Event& e) {
  CalendarEntry entry;
  entry.uid = "event-" + e.uid + "@civic";
  entry.first_day = e.day;
  entry.url = bill_url(e.bill);
  const auto chamber = e.chamber.empty() ? std::string() : (e.chamber == "senate" ? "Senate " : "House ");
  if (e.kind == "floor") {
    entry.days = 5;
    entry.summary = e.bill + " on the House floor this week";
    entry.description = e.title + "\nFrom the House floor schedule; the day of a vote is not in it.";
  } else {
    entry.summary = chamber + e.kind + ": " + e.bill;
    entry.description = e.title;
  }
  return entry;
}

void follow_ups(SQLite::Database& db, Date today, std::vector<CalendarEntry>& out) {
  SQLite::Statement s(db, R"sql(
SELECT c.uid, c.follow_up, c.official_title || ' ' || c.official_name, coalesce(c.bill, ''), c.channel, c.notes
FROM contact AS c
WHERE c.deleted_at IS NULL AND c.follow_up IS NOT NULL AND c.follow_up >= ?1
  AND NOT EXISTS (SELECT 1 FROM contact AS l WHERE l.deleted_at IS NULL AND l.official_id = c.official_id
                  AND l.bill IS c.bill AND l.at > c.at)
ORDER BY c.follow_up, c.id
)sql");
  s.bind(1, format_date(Date{std::chrono::sys_days{today} - std::chrono::days{30}}));
  while (s.executeStep()) {
    const auto bill = db::text(s, 3);
    CalendarEntry entry;
    entry.uid = "follow-up-" + db::text(s, 0) + "@civic";
    entry.first_day = db::text(s, 1);
    entry.summary = "Follow up with " + db::text(s, 2) + (bill.empty() ? "" : " about " + bill);
    const auto notes = db::text(s, 5);
    entry.description = "After your " + db::text(s, 4) + (bill.empty() ? "" : " about " + bill) + "." +
                        (notes.empty() ? "" : "\nNotes: " + notes);
    entry.url = bill_url(bill);
    out.push_back(std::move(entry));
  }
}

void add_line(std::string& out, std::string_view line) { out += ics_fold(line) + "\r\n"; }

}  // namespace

std::vector<CalendarEntry> calendar_entries(SQLite::Database& db, Date today) {
  std::vector<CalendarEntry> out;
  const auto from = format_date(Date{std::chrono::sys_days{today} - std::chrono::days{7}});
  for (const auto& event : events_between(db, from, "9999-12-31")) {
    out.push_back(from_event(event));
  }
  follow_ups(db, today, out);
  return out;
}

std::string ics_escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out += c;
    }
  }
  return out;
}

std::string ics_fold(std::string_view line) {
  std::string out;
  std::size_t width = 0;
  const std::size_t limit = k_fold_octets;
  for (std::size_t i = 0; i < line.size();) {
    // The length of this UTF-8 character.
    const auto lead = static_cast<unsigned char>(line[i]);
    const std::size_t size = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (width + size > limit) {
      out += "\r\n ";
      width = 1;  // the leading space counts
    }
    out.append(line.substr(i, size));
    width += size;
    i += size;
  }
  return out;
}

std::string to_ics(const std::vector<CalendarEntry>& entries, TimePoint stamp) {
  const auto dtstamp = basic_format(format_utc_timestamp(stamp));
  std::string out;
  add_line(out, "BEGIN:VCALENDAR");
  add_line(out, "VERSION:2.0");
  add_line(out, "PRODID:-//civic//journal calendar//EN");
  add_line(out, "CALSCALE:GREGORIAN");
  add_line(out, "METHOD:PUBLISH");
  add_line(out, "X-WR-CALNAME:civic: votes\\, hearings and follow-ups");
  for (const auto& e : entries) {
    add_line(out, "BEGIN:VEVENT");
    add_line(out, "UID:" + e.uid);
    add_line(out, "DTSTAMP:" + dtstamp);
    add_line(out, "DTSTART;VALUE=DATE:" + basic_format(e.first_day));
    add_line(out, "DTEND;VALUE=DATE:" + basic_format(day_after(e.first_day, e.days)));
    add_line(out, "SUMMARY:" + ics_escape(e.summary));
    if (!e.description.empty()) {
      add_line(out, "DESCRIPTION:" + ics_escape(e.description));
    }
    if (!e.url.empty()) {
      add_line(out, "URL:" + e.url);
    }
    add_line(out, "TRANSP:TRANSPARENT");
    add_line(out, "END:VEVENT");
  }
  add_line(out, "END:VCALENDAR");
  return out;
}

}  // namespace civic::journal
