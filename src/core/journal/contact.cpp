#include "core/journal/contact.hpp"

#include <algorithm>
#include <limits>

#include <SQLiteCpp/Transaction.h>

#include "core/db/statement.hpp"
#include "core/error.hpp"
#include "core/util/stable_id.hpp"

namespace civic::journal {
namespace {

constexpr const char* k_columns =
    "id, uid, at, official_id, official_name, official_title, official_state, official_district, channel, bill, "
    "stance, outcome, notes, follow_up, campaign, origin, created_at, updated_at, deleted_at";

std::optional<std::string> optional_text(const SQLite::Statement& s, int column) {
  if (s.getColumn(column).isNull()) {
    return std::nullopt;
  }
  return s.getColumn(column).getString();
}

// A word the journal's CHECK constraints allow, read back.
template <class E>
E word(std::optional<E> parsed, const SQLite::Statement& s, int column) {
  if (!parsed) {
    throw Error("the journal holds a contact with " + std::string(s.getColumnName(column)) + " '" +
                db::text(s, column) + "', which this civic does not know")
        .hint("a newer civic wrote it; upgrade civic");
  }
  return *parsed;
}

template <class E>
std::optional<E> optional_word(std::optional<E> (*parse)(std::string_view), const SQLite::Statement& s, int column) {
  if (s.isColumnNull(column)) {
    return std::nullopt;
  }
  return word(parse(db::text(s, column)), s, column);
}

Contact read_contact(const SQLite::Statement& s) {
  Contact c;
  c.id = s.getColumn(0).getInt64();
  c.uid = db::text(s, 1);
  c.at = db::text(s, 2);
  c.official = {db::text(s, 3), db::text(s, 4), db::text(s, 5), db::text(s, 6), db::text(s, 7)};
  c.channel = word(parse_channel(db::text(s, 8)), s, 8);
  c.bill = optional_text(s, 9);
  c.stance = optional_word(parse_stance, s, 10);
  c.outcome = optional_word(parse_outcome, s, 11);
  c.notes = db::text(s, 12);
  c.follow_up = optional_text(s, 13);
  c.campaign = optional_text(s, 14);
  c.origin = db::text(s, 15);
  c.created_at = db::text(s, 16);
  c.updated_at = db::text(s, 17);
  c.deleted_at = optional_text(s, 18);
  return c;
}

// Unique without a random source: the row id, the creation time and whom
// and when the contact was with, hashed. Imports keep the uid they bring.
std::string make_uid(const Contact& c, long id) {
  return stable_id(std::to_string(id) + "|" + c.created_at + "|" + c.at + "|" + c.official.id + "|" +
                   std::string(to_string(c.channel)) + "|" + c.bill.value_or(""));
}

constexpr const char* k_insert =
    "INSERT INTO contact (uid, at, official_id, official_name, official_title, official_state, official_district, "
    "channel, bill, stance, outcome, notes, follow_up, campaign, origin, created_at, updated_at, deleted_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18) "
    "ON CONFLICT (uid) DO NOTHING";

// The parameters of k_insert that contacts alike share: all but ?1 (uid),
// ?3..?7 (official) and ?12 (notes). `c` has its times set. Borrowed: the
// text outlives the steps, and a campaign adds 300,000 rows.
void bind_shared(SQLite::Statement& s, const Contact& c) {
  using db::bind_value;
  using db::borrow;
  bind_value(s, 2, borrow(c.at));
  bind_value(s, 8, c.channel);
  bind_value(s, 9, borrow(c.bill));
  bind_value(s, 10, c.stance);
  bind_value(s, 11, c.outcome);
  bind_value(s, 13, borrow(c.follow_up));
  bind_value(s, 14, borrow(c.campaign));
  bind_value(s, 15, borrow(c.origin));
  bind_value(s, 16, borrow(c.created_at));
  bind_value(s, 17, borrow(c.updated_at));
  bind_value(s, 18, borrow(c.deleted_at));
}

// The rest, then the insert; false when a contact with the same uid was
// there already. `uid` null: none yet.
bool insert_own(SQLite::Database& db, SQLite::Statement& s, const OfficialSnapshot& official, const std::string* uid,
                const std::string& notes) {
  using db::bind_value;
  using db::borrow;
  bind_value(s, 1, uid != nullptr ? std::optional(borrow(*uid)) : std::nullopt);
  bind_value(s, 3, borrow(official.id));
  bind_value(s, 4, borrow(official.name));
  bind_value(s, 5, borrow(official.title));
  bind_value(s, 6, borrow(official.state));
  bind_value(s, 7, borrow(official.district));
  bind_value(s, 12, borrow(notes));
  s.exec();
  s.reset();
  return db.getChanges() != 0;
}

// A new contact's times: those it brings (an import), or now.
void stamp(Contact& c, const std::string& now) {
  c.created_at = c.created_at.empty() ? now : c.created_at;
  c.updated_at = c.updated_at.empty() ? now : c.updated_at;
}

// False when a contact with the same uid was there already.
bool insert(SQLite::Database& db, SQLite::Statement& statement, Contact& c, const std::string& now) {
  stamp(c, now);
  bind_shared(statement, c);
  if (!insert_own(db, statement, c.official, c.uid.empty() ? nullptr : &c.uid, c.notes)) {
    return false;
  }
  c.id = static_cast<long>(db.getLastInsertRowid());
  if (c.uid.empty()) {
    c.uid = make_uid(c, c.id);
    SQLite::Statement set_uid(db, "UPDATE contact SET uid = ?1 WHERE id = ?2");
    db::exec(set_uid, c.uid, c.id);
  }
  return true;
}

// After a large batch, the write-ahead log is folded back into the journal
// and emptied: every later civic process would otherwise read all of it
// when it opens the journal.
constexpr std::size_t k_large_batch = 1000;

void fold_log_after(SQLite::Database& db, std::size_t rows) {
  if (rows >= k_large_batch) {
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
}

}  // namespace

Contact add_contact(SQLite::Database& db, Contact contact, const std::string& now) {
  std::vector<Contact> one{std::move(contact)};
  add_contacts(db, one, now);
  return std::move(one.front());
}

void add_contacts(SQLite::Database& db, std::vector<Contact>& contacts, const std::string& now) {
  add_new_contacts(db, contacts, now);
}

long add_new_contacts(SQLite::Database& db, std::vector<Contact>& contacts, const std::string& now) {
  ContactAppender appender(db, now, std::numeric_limits<std::size_t>::max());
  const long added = appender.add_new(contacts);
  appender.commit();
  return added;
}

ContactAppender::ContactAppender(SQLite::Database& db, std::string now, std::size_t rows_per_commit)
    : m_db(db), m_now(std::move(now)), m_rows_per_commit(rows_per_commit) {}

ContactAppender::~ContactAppender() = default;

void ContactAppender::begin() {
  if (!m_transaction) {
    m_transaction = std::make_unique<SQLite::Transaction>(m_db, SQLite::TransactionBehavior::IMMEDIATE);
    m_insert = std::make_unique<SQLite::Statement>(m_db, k_insert);
  }
}

void ContactAppender::counted(std::size_t rows) {
  m_uncommitted += rows;
  if (m_uncommitted >= m_rows_per_commit) {
    commit();
  }
}

long ContactAppender::add_new(std::vector<Contact>& contacts) {
  begin();
  long added = 0;
  for (auto& contact : contacts) {
    added += insert(m_db, *m_insert, contact, m_now) ? 1 : 0;
  }
  counted(contacts.size());
  return added;
}

long ContactAppender::add_new(const Contact& shared, const std::vector<ContactEntry>& entries) {
  begin();
  Contact c = shared;
  stamp(c, m_now);
  bind_shared(*m_insert, c);
  long added = 0;
  for (const auto& entry : entries) {
    added += insert_own(m_db, *m_insert, *entry.official, &entry.uid, entry.notes) ? 1 : 0;
  }
  counted(entries.size());
  return added;
}

void ContactAppender::commit() {
  if (!m_transaction) {
    return;
  }
  m_insert.reset();
  m_transaction->commit();
  m_transaction.reset();
  fold_log_after(m_db, m_uncommitted);
  m_uncommitted = 0;
}

std::optional<Contact> find_contact(SQLite::Database& db, long id) {
  SQLite::Statement s(db, std::string("SELECT ") + k_columns + " FROM contact WHERE id = ?1");
  s.bind(1, static_cast<int64_t>(id));
  if (!s.executeStep()) {
    return std::nullopt;
  }
  return read_contact(s);
}

std::vector<Contact> list_contacts(SQLite::Database& db, const ContactFilter& filter) {
  std::string sql = std::string("SELECT ") + k_columns + " FROM contact WHERE deleted_at IS " +
                    (filter.deleted ? "NOT NULL" : "NULL") +
                    " AND (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR bill = ?2) AND (?3 IS NULL OR official_id = ?3 "
                    "COLLATE NOCASE) AND (?4 IS NULL OR channel = ?4) ORDER BY at, id";
  SQLite::Statement s(db, sql);
  db::bind_value(s, 1, filter.since);
  db::bind_value(s, 2, filter.bill);
  db::bind_value(s, 3, filter.official_id);
  db::bind_value(s, 4, filter.channel);
  std::vector<Contact> out;
  while (s.executeStep()) {
    out.push_back(read_contact(s));
  }
  return out;
}

void update_contact(SQLite::Database& db, const Contact& c, const std::string& now) {
  SQLite::Statement s(db,
                      "UPDATE contact SET at = ?1, channel = ?2, bill = ?3, stance = ?4, outcome = ?5, notes = ?6, "
                      "follow_up = ?7, updated_at = ?8 WHERE id = ?9");
  db::exec(s, c.at, c.channel, c.bill, c.stance, c.outcome, c.notes, c.follow_up, now, c.id);
}

bool set_deleted(SQLite::Database& db, long id, Deleted deleted, const std::string& now) {
  SQLite::Statement s(db, "UPDATE contact SET deleted_at = ?1, updated_at = ?2 WHERE id = ?3");
  db::exec(s, deleted == Deleted::yes ? std::optional(now) : std::nullopt, now, id);
  return db.getChanges() > 0;
}

std::map<std::string, long> campaign_outcomes(SQLite::Database& db, const std::string& campaign) {
  SQLite::Statement s(db,
                      "SELECT coalesce(outcome, ''), count(*) FROM contact WHERE campaign = ?1 AND deleted_at IS NULL "
                      "GROUP BY outcome");
  s.bind(1, campaign);
  std::map<std::string, long> out;
  while (s.executeStep()) {
    out[db::text(s, 0)] = static_cast<long>(s.getColumn(1).getInt64());
  }
  return out;
}

long mark_campaign_sent(SQLite::Database& db, const std::string& campaign, const std::optional<std::string>& official,
                        const std::string& now) {
  SQLite::Statement s(db,
                      "UPDATE contact SET outcome = 'sent', updated_at = ?3 WHERE campaign = ?1 AND outcome = "
                      "'drafted' AND deleted_at IS NULL AND (?2 IS NULL OR official_id = ?2 COLLATE NOCASE)");
  db::exec(s, campaign, official, now);
  return static_cast<long>(db.getChanges());
}

}  // namespace civic::journal
