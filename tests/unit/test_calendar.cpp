// The iCalendar export, read back by libical as a calendar program would:
// every entry, its all-day dates, escaped text, folded lines and stable UIDs.
#include <doctest/doctest.h>

#include <libical/ical.h>

#include <map>

#include "core/journal/calendar.hpp"
#include "core/journal/contact.hpp"
#include "core/journal/events.hpp"
#include "core/journal/journal_db.hpp"
#include "support/test_env.hpp"

using namespace civic;
using namespace civic::journal;
using namespace civic::test;

namespace {

constexpr const char* k_now = "2026-11-28T12:00:00Z";

struct Parsed {
  std::string uid;
  std::string summary;
  std::string description;
  std::string start;  // YYYYMMDD
  std::string end;
  bool all_day = false;
  bool stamp_utc = false;
};

std::string day_of(icaltimetype t) { return std::to_string(t.year * 10000 + t.month * 100 + t.day); }

std::map<std::string, Parsed> parse(const std::string& ics) {
  icalcomponent* calendar = icalparser_parse_string(ics.c_str());
  REQUIRE(calendar != nullptr);
  CHECK(icalcomponent_isa(calendar) == ICAL_VCALENDAR_COMPONENT);
  CHECK(icalcomponent_count_errors(calendar) == 0);
  std::map<std::string, Parsed> out;
  for (icalcomponent* event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); event != nullptr;
       event = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
    Parsed p;
    p.uid = icalcomponent_get_uid(event);
    p.summary = icalcomponent_get_summary(event);
    const char* description = icalcomponent_get_description(event);
    p.description = description != nullptr ? description : "";
    const auto start = icalcomponent_get_dtstart(event);
    p.start = day_of(start);
    p.end = day_of(icalcomponent_get_dtend(event));
    p.all_day = start.is_date != 0;
    p.stamp_utc = icaltime_is_utc(icalcomponent_get_dtstamp(event)) != 0;
    out[p.uid] = p;
  }
  icalcomponent_free(calendar);
  return out;
}

}  // namespace

TEST_CASE("a calendar program reads back every vote, hearing, floor week and follow-up as written") {
  World world;
  auto db = open_journal(world.dir / "journal.db", k_now);
  const std::string title =
      "Markup; amendments, including the survivors' provisions — Judiciary Committee, room 226 Dirksen, \\ 10 a.m.";
  add_event(db, {0, "", "s1829-119", "2026-12-08", "markup", "senate", title, "user"}, k_now);
  add_event(db, {0, "", "hr1144-119", "2026-11-30", "floor", "house", "Frederick Douglass TVPRA", "house-floor"},
            k_now);
  add_event(db, {0, "", "hr1144-119", "2026-11-01", "vote", "house", "long past", "user"}, k_now);
  Contact call;
  call.at = "2026-11-27T15:00:00Z";
  call.official = {"B000002", "Bob Sample", "U.S. Senator", "WA", ""};
  call.channel = Channel::call;
  call.bill = "hr1144-119";
  call.notes = "asked for the legislative assistant;\nwill call back";
  call.follow_up = "2026-12-04";
  add_contact(db, call, k_now);

  const auto ics = to_ics(calendar_entries(db, *parse_date("2026-11-28")), *parse_utc_timestamp(k_now));
  for (std::size_t start = 0; start < ics.size();) {
    const auto end = ics.find("\r\n", start);
    REQUIRE(end != std::string::npos);  // every line ends in CRLF
    CHECK(end - start <= 75);           // folded at 75 octets
    start = end + 2;
  }
  const auto events = parse(ics);
  REQUIRE(events.size() == 3);  // the vote a month ago is left out
  std::map<std::string, Parsed> by_summary;
  for (const auto& [uid, event] : events) {
    CHECK(event.all_day);
    CHECK(event.stamp_utc);
    CHECK(uid.size() > 10);
    by_summary[event.summary] = event;
  }
  REQUIRE(by_summary.count("Senate markup: s1829-119") == 1);
  const auto& markup = by_summary["Senate markup: s1829-119"];
  CHECK(markup.description == title);  // escaping and folding undone exactly, UTF-8 intact
  CHECK(markup.start == "20261208");
  CHECK(markup.end == "20261209");
  REQUIRE(by_summary.count("hr1144-119 on the House floor this week") == 1);
  CHECK(by_summary["hr1144-119 on the House floor this week"].end == "20261205");
  REQUIRE(by_summary.count("Follow up with U.S. Senator Bob Sample about hr1144-119") == 1);
  CHECK(by_summary["Follow up with U.S. Senator Bob Sample about hr1144-119"].description ==
        "After your call about hr1144-119.\nNotes: asked for the legislative assistant;\nwill call back");

  // A later export, after a new event, keeps every UID: calendars update.
  add_event(db, {0, "", "hr1144-119", "2026-12-02", "vote", "house", "", "user"}, k_now);
  const auto again = parse(to_ics(calendar_entries(db, *parse_date("2026-11-29")), *parse_utc_timestamp(k_now)));
  CHECK(again.size() == 4);
  for (const auto& [uid, event] : events) {
    CHECK(again.count(uid) == 1);
  }
}

TEST_CASE("folding never splits a UTF-8 character and escaping covers what RFC 5545 names") {
  CHECK(ics_escape("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne");
  const std::string line = "SUMMARY:" + std::string(66, 'x') + "é" + std::string(10, 'y');  // é at octets 74-75
  const auto folded = ics_fold(line);
  CHECK(folded.substr(0, 74) == line.substr(0, 74));
  CHECK(folded.substr(74, 3) == "\r\n ");  // é moves whole to the next line
  CHECK(folded.substr(77, 2) == "é");
}
