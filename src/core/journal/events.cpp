#include "core/journal/events.hpp"

#include <SQLiteCpp/Transaction.h>

#include "core/db/statement.hpp"
#include "core/util/stable_id.hpp"

namespace civic::journal {
namespace {

constexpr const char* k_insert =
    "INSERT INTO event (uid, bill, day, kind, chamber, title, origin, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
    "?7, ?8) ON CONFLICT DO NOTHING";

// The same event always gets the same uid, so a calendar export updates
// rather than duplicates it.
std::string event_uid(const Event& e) {
  return stable_id(e.origin + "|" + e.bill + "|" + e.day + "|" + e.kind + "|" + e.chamber);
}

bool insert(SQLite::Database& db, SQLite::Statement& statement, Event& e, const std::string& now) {
  e.uid = event_uid(e);
  db::exec(statement, e.uid, e.bill, e.day, e.kind, e.chamber, e.title, e.origin, now);
  return db.getChanges() > 0;
}

}  // namespace

bool add_event(SQLite::Database& db, Event event, const std::string& now) {
  SQLite::Statement statement(db, k_insert);
  return insert(db, statement, event, now);
}

void replace_floor_week(SQLite::Database& db, const std::string& week_day, std::vector<Event> events,
                        const std::string& now) {
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement remove(db, "DELETE FROM event WHERE origin = 'house-floor' AND day = ?1");
  db::exec(remove, week_day);
  SQLite::Statement statement(db, k_insert);
  for (auto& event : events) {
    insert(db, statement, event, now);
  }
  transaction.commit();
}

std::vector<Event> events_between(SQLite::Database& db, const std::string& first_day, const std::string& last_day) {
  SQLite::Statement s(db,
                      "SELECT id, uid, bill, day, kind, coalesce(chamber, ''), title, origin FROM event WHERE "
                      "deleted_at IS NULL AND day >= ?1 AND day <= ?2 ORDER BY day, bill, kind");
  s.bind(1, first_day);
  s.bind(2, last_day);
  std::vector<Event> out;
  while (s.executeStep()) {
    out.push_back({s.getColumn(0).getInt64(), db::text(s, 1), db::text(s, 2), db::text(s, 3), db::text(s, 4),
                   db::text(s, 5), db::text(s, 6), db::text(s, 7)});
  }
  return out;
}

}  // namespace civic::journal
