#include "core/journal/remind.hpp"

#include <algorithm>

#include "core/db/statement.hpp"
#include "core/local_time.hpp"
#include "core/vocabulary.hpp"

namespace civic::journal {
namespace {

std::string day_plus(Date day, int days) {
  return format_date(Date{std::chrono::sys_days{day} + std::chrono::days{days}});
}

// The newest contact with each official about each bill (or about none):
// the latest time, then the last row id at that time, both from the summary
// index alone; only those rows are read. A campaign gives hundreds of
// letters to one official the same time, and they stand for one reminder.
constexpr const char* k_latest_contacts = R"sql(
WITH latest AS (
  SELECT official_id, bill, max(at) AS at FROM contact WHERE deleted_at IS NULL GROUP BY official_id, bill
), newest AS (
  SELECT max(k.id) AS id
  FROM latest JOIN contact AS k ON k.official_id = latest.official_id AND k.bill IS latest.bill AND k.at = latest.at
  WHERE k.deleted_at IS NULL
  GROUP BY k.official_id, k.bill
)
SELECT c.id, c.at, c.official_id, c.official_title || ' ' || c.official_name, coalesce(c.bill, ''), c.channel,
       coalesce(c.outcome, ''), coalesce(c.follow_up, '')
FROM newest JOIN contact AS c ON c.id = newest.id
ORDER BY c.at, c.id
)sql";

void contact_reminders(SQLite::Database& db, const RemindOptions& options, std::vector<Reminder>& out) {
  const auto today = format_date(options.today);
  const auto cutoff = day_plus(options.today, -options.no_reply_days);
  SQLite::Statement s(db, k_latest_contacts);
  while (s.executeStep()) {
    const long id = s.getColumn(0).getInt64();
    const auto at = db::text(s, 1);
    const auto who = db::text(s, 3);
    const auto bill = db::text(s, 4);
    const auto channel = db::text(s, 5);
    const auto about = bill.empty() ? std::string() : " about " + bill;
    const auto follow_up = db::text(s, 7);
    const auto when = parse_utc_timestamp(at);
    if (!when) {
      continue;  // a row written outside civic; journal show names it
    }
    const auto local_day = format_local_datetime(*when).substr(0, 10);
    if (!follow_up.empty()) {
      if (follow_up <= today) {
        out.push_back({"follow-up", follow_up, "follow up with " + who + about + " (your " + channel + " of " +
                                                   local_day + ")",
                       bill, db::text(s, 2), id});
      }
      continue;
    }
    if (db::text(s, 6) == "sent" && written_channel(parse_channel(channel).value_or(Channel::letter)) && local_day <= cutoff) {
      out.push_back({"no-reply", day_plus(parse_date(local_day).value_or(options.today), options.no_reply_days),
                     "no reply from " + who + " to your " + channel + " of " + local_day + about +
                         ": write again or call",
                     bill, db::text(s, 2), id});
    }
  }
}

void vote_reminders(SQLite::Database& db, const RemindOptions& options, std::vector<Reminder>& out) {
  SQLite::Statement s(db, R"sql(
SELECT e.day, e.kind, e.bill, coalesce(e.chamber, ''), c.official_id, c.official_title || ' ' || c.official_name,
       max(c.id)
FROM event AS e JOIN contact AS c ON c.bill = e.bill AND c.deleted_at IS NULL
WHERE e.deleted_at IS NULL AND e.kind IN ('vote', 'floor') AND e.day <= ?2
  AND (e.day >= ?1 OR (e.kind = 'floor' AND e.day >= ?4))  -- a floor week runs from its Monday
  AND NOT EXISTS (SELECT 1 FROM contact AS k WHERE k.deleted_at IS NULL AND k.official_id = c.official_id
                  AND k.bill = e.bill AND k.channel = 'call' AND k.at >= ?3)
GROUP BY e.id, c.official_id
ORDER BY e.day, e.bill, c.official_id
)sql");
  s.bind(1, format_date(options.today));
  s.bind(2, day_plus(options.today, options.vote_window_days));
  s.bind(3, day_plus(options.today, -options.vote_window_days));
  s.bind(4, day_plus(options.today, -6));
  while (s.executeStep()) {
    const auto day = db::text(s, 0);
    const auto when = db::text(s, 1) == "floor" ? "may come to a House vote the week of " + day : "vote on " + day;
    out.push_back({"call-before-vote", day,
                   db::text(s, 2) + " " + when + ": call " + db::text(s, 5) + " before it", db::text(s, 2),
                   db::text(s, 4), s.getColumn(6).getInt64()});
  }
}

void thank_reminders(SQLite::Database& db, std::vector<Reminder>& out) {
  SQLite::Statement s(db, R"sql(
WITH passed AS (
  SELECT bill, max(action_date) AS day, max(CASE WHEN text LIKE 'Became Public Law%' THEN 1 ELSE 0 END) AS law
  FROM bill_action
  WHERE text LIKE 'Became Public Law%' OR text LIKE 'Passed/agreed to in %' OR text LIKE 'Passed %'
  GROUP BY bill
)
SELECT p.bill, p.day, p.law, c.official_id, c.official_title || ' ' || c.official_name, max(c.id)
FROM passed AS p JOIN contact AS c ON c.bill = p.bill AND c.deleted_at IS NULL AND c.stance = 'support'
WHERE NOT EXISTS (SELECT 1 FROM contact AS t WHERE t.deleted_at IS NULL AND t.official_id = c.official_id
                  AND t.bill = p.bill AND t.stance = 'thanks')
GROUP BY p.bill, c.official_id
ORDER BY p.day, p.bill, c.official_id
)sql");
  while (s.executeStep()) {
    const auto bill = db::text(s, 0);
    const auto what = s.getColumn(2).getInt() == 1 ? " became law" : " passed a chamber";
    out.push_back({"thank", db::text(s, 1), bill + what + " on " + db::text(s, 1) + ": thank " + db::text(s, 4),
                   bill, db::text(s, 3), s.getColumn(5).getInt64()});
  }
}

}  // namespace

std::vector<Reminder> due_reminders(SQLite::Database& db, const RemindOptions& options) {
  std::vector<Reminder> out;
  contact_reminders(db, options, out);
  vote_reminders(db, options, out);
  thank_reminders(db, out);
  std::stable_sort(out.begin(), out.end(), [](const Reminder& a, const Reminder& b) { return a.due < b.due; });
  return out;
}

}  // namespace civic::journal
