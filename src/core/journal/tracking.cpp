#include "core/journal/tracking.hpp"

#include <SQLiteCpp/Transaction.h>

#include "core/db/statement.hpp"

namespace civic::journal {

bool track_bill(SQLite::Database& db, const std::string& bill, const std::string& title, const std::string& now) {
  SQLite::Statement s(db, "INSERT INTO tracked_bill (bill, added_at, title) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING");
  db::exec(s, bill, now, title);
  return db.getChanges() > 0;
}

bool untrack_bill(SQLite::Database& db, const std::string& bill) {
  SQLite::Statement s(db, "DELETE FROM tracked_bill WHERE bill = ?1");
  db::exec(s, bill);
  return db.getChanges() > 0;
}

std::vector<TrackedBill> tracked_bills(SQLite::Database& db) {
  SQLite::Statement s(db,
                      "SELECT bill, added_at, synced_at, coalesce(title, ''), coalesce(latest_action_date, ''), "
                      "coalesce(latest_action_text, ''), coalesce(law, '') FROM tracked_bill ORDER BY added_at, bill");
  std::vector<TrackedBill> out;
  while (s.executeStep()) {
    TrackedBill t{db::text(s, 0), db::text(s, 1), std::nullopt, db::text(s, 3), db::text(s, 4), db::text(s, 5),
                  db::text(s, 6)};
    if (!s.getColumn(2).isNull()) {
      t.synced_at = db::text(s, 2);
    }
    out.push_back(std::move(t));
  }
  return out;
}

bool is_tracked(SQLite::Database& db, const std::string& bill) {
  SQLite::Statement s(db, "SELECT 1 FROM tracked_bill WHERE bill = ?1");
  s.bind(1, bill);
  return s.executeStep();
}

SyncOutcome record_sync(SQLite::Database& db, const std::string& bill, const std::string& display,
                        const bills::CongressStatus& status, const std::string& now) {
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  SyncOutcome outcome;
  SQLite::Statement seen(db, "SELECT count(*) FROM bill_action WHERE bill = ?1");
  seen.bind(1, bill);
  seen.executeStep();
  outcome.first_sync = seen.getColumn(0).getInt() == 0;
  SQLite::Statement insert(db,
                           "INSERT INTO bill_action (bill, action_key, action_date, text, chamber) VALUES (?1, ?2, "
                           "?3, ?4, ?5) ON CONFLICT DO NOTHING");
  SQLite::Statement alert(db,
                          "INSERT INTO alert (key, bill, created_at, due, text) VALUES (?1, ?2, ?3, ?4, ?5) ON "
                          "CONFLICT DO NOTHING");
  std::string newest_date;
  for (const auto& action : status.actions) {
    newest_date = std::max(newest_date, action.date);
  }
  for (const auto& action : status.actions) {
    const auto key = action.key();
    db::exec(insert, bill, key, action.date, action.text, action.source);
    if (db.getChanges() == 0) {
      continue;
    }
    ++outcome.new_actions;
    if (!outcome.first_sync || action.date == newest_date) {
      db::exec(alert, "action:" + bill + ":" + key, bill, now, action.date,
               display + ", " + action.date + ": " + action.text);
      outcome.alerts += db.getChanges() > 0 ? 1 : 0;
    }
  }
  SQLite::Statement update(db,
                           "UPDATE tracked_bill SET synced_at = ?2, title = coalesce(nullif(?3, ''), title), "
                           "latest_action_date = ?4, latest_action_text = ?5, law = nullif(?6, '') WHERE bill = ?1");
  db::exec(update, bill, now, status.title, status.latest_action_date, status.latest_action_text,
           status.laws.empty() ? std::string() : status.laws.front());
  transaction.commit();
  return outcome;
}

std::vector<Alert> unshown_alerts(SQLite::Database& db) {
  SQLite::Statement s(db, "SELECT id, coalesce(bill, ''), due, text FROM alert WHERE shown_at IS NULL ORDER BY due, id");
  std::vector<Alert> out;
  while (s.executeStep()) {
    out.push_back({s.getColumn(0).getInt64(), db::text(s, 1), db::text(s, 2), db::text(s, 3)});
  }
  return out;
}

void mark_shown(SQLite::Database& db, const std::vector<Alert>& alerts, const std::string& now) {
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement s(db, "UPDATE alert SET shown_at = ?1 WHERE id = ?2 AND shown_at IS NULL");
  for (const auto& alert : alerts) {
    db::exec(s, now, alert.id);
  }
  transaction.commit();
}

}  // namespace civic::journal
