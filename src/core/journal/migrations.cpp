#include "core/journal/migrations.hpp"

namespace civic::journal {

const std::vector<std::string_view>& migrations() {
  static const std::vector<std::string_view> list = {
      // 1: contacts, with a snapshot of the official as they were then.
      R"sql(
CREATE TABLE contact (
  id INTEGER PRIMARY KEY,
  uid TEXT UNIQUE,
  at TEXT NOT NULL,
  official_id TEXT NOT NULL,
  official_name TEXT NOT NULL,
  official_title TEXT NOT NULL,
  official_state TEXT NOT NULL DEFAULT '',
  official_district TEXT NOT NULL DEFAULT '',
  channel TEXT NOT NULL CHECK (channel IN ('letter', 'email', 'form', 'call', 'visit', 'fax')),
  bill TEXT,
  stance TEXT CHECK (stance IN ('support', 'oppose', 'thanks', 'follow-up')),
  outcome TEXT CHECK (outcome IN ('drafted', 'sent', 'reached', 'voicemail', 'replied', 'no-answer')),
  notes TEXT NOT NULL DEFAULT '',
  follow_up TEXT,
  campaign TEXT,
  origin TEXT NOT NULL DEFAULT 'log',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX contact_at ON contact (at);
CREATE INDEX contact_official ON contact (official_id, at);
CREATE INDEX contact_bill ON contact (bill, at);
CREATE INDEX contact_follow_up ON contact (follow_up) WHERE follow_up IS NOT NULL;
)sql",
      // 2: tracked bills, their actions and the alerts they raise, and
      // upcoming votes and hearings.
      R"sql(
CREATE TABLE tracked_bill (
  bill TEXT PRIMARY KEY,
  added_at TEXT NOT NULL,
  synced_at TEXT,
  title TEXT,
  latest_action_date TEXT,
  latest_action_text TEXT,
  law TEXT
);
CREATE TABLE bill_action (
  bill TEXT NOT NULL,
  action_key TEXT NOT NULL,
  action_date TEXT NOT NULL,
  text TEXT NOT NULL,
  chamber TEXT,
  PRIMARY KEY (bill, action_key)
);
CREATE TABLE alert (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  bill TEXT,
  created_at TEXT NOT NULL,
  due TEXT NOT NULL,
  text TEXT NOT NULL,
  shown_at TEXT
);
CREATE TABLE event (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  bill TEXT NOT NULL,
  day TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('vote', 'hearing', 'markup', 'floor')),
  chamber TEXT,
  title TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL,
  created_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX event_day ON event (day);
)sql",
      // 3: one index that answers statistics and reminders without reading
      // the table: the newest contact per official and bill, counts per
      // official, bill, channel and outcome.
      R"sql(
CREATE INDEX contact_summary ON contact (official_id, bill, at, channel, outcome) WHERE deleted_at IS NULL;
)sql",
      // 4: contact_summary answers what contact_official did (every query
      // by official leaves deleted contacts out), and each index costs every
      // insert: a campaign adds hundreds of thousands of rows.
      R"sql(
DROP INDEX contact_official;
)sql",
      // 5: the same contact table, its allowed values spelled as comparisons.
      // SQLite checks `x IN (three or more values)` by building a temporary
      // table for each row inserted, which was a third of a campaign's
      // journal time. A table's CHECK cannot be altered: it is rebuilt.
      R"sql(
CREATE TABLE contact_v5 (
  id INTEGER PRIMARY KEY,
  uid TEXT UNIQUE,
  at TEXT NOT NULL,
  official_id TEXT NOT NULL,
  official_name TEXT NOT NULL,
  official_title TEXT NOT NULL,
  official_state TEXT NOT NULL DEFAULT '',
  official_district TEXT NOT NULL DEFAULT '',
  channel TEXT NOT NULL CHECK (channel = 'letter' OR channel = 'email' OR channel = 'form' OR channel = 'call' OR
                               channel = 'visit' OR channel = 'fax'),
  bill TEXT,
  stance TEXT CHECK (stance = 'support' OR stance = 'oppose' OR stance = 'thanks' OR stance = 'follow-up'),
  outcome TEXT CHECK (outcome = 'drafted' OR outcome = 'sent' OR outcome = 'reached' OR outcome = 'voicemail' OR
                      outcome = 'replied' OR outcome = 'no-answer'),
  notes TEXT NOT NULL DEFAULT '',
  follow_up TEXT,
  campaign TEXT,
  origin TEXT NOT NULL DEFAULT 'log',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
INSERT INTO contact_v5 (id, uid, at, official_id, official_name, official_title, official_state, official_district,
                        channel, bill, stance, outcome, notes, follow_up, campaign, origin, created_at, updated_at,
                        deleted_at)
  SELECT id, uid, at, official_id, official_name, official_title, official_state, official_district, channel, bill,
         stance, outcome, notes, follow_up, campaign, origin, created_at, updated_at, deleted_at
  FROM contact ORDER BY id;
DROP TABLE contact;
ALTER TABLE contact_v5 RENAME TO contact;
CREATE INDEX contact_at ON contact (at);
CREATE INDEX contact_bill ON contact (bill, at);
CREATE INDEX contact_follow_up ON contact (follow_up) WHERE follow_up IS NOT NULL;
CREATE INDEX contact_summary ON contact (official_id, bill, at, channel, outcome) WHERE deleted_at IS NULL;
)sql",
  };
  return list;
}

}  // namespace civic::journal
