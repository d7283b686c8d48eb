#pragma once
// A contact with an official: what the user did, when, about which bill, and
// what came of it. The official is kept as they were at the time (name,
// title, district) so the history stays true after the next election.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "core/clock.hpp"
#include "core/vocabulary.hpp"

namespace civic::journal {

struct OfficialSnapshot {
  std::string id;
  std::string name;
  std::string title;  // "U.S. Senator", "State Representative"
  std::string state;
  std::string district;
};

struct Contact {
  long id = 0;
  std::string uid;  // stable across machines: what import matches on
  std::string at;   // UTC timestamp
  OfficialSnapshot official;
  Channel channel = Channel::letter;
  std::optional<std::string> bill;  // canonical id, hr1144-119
  std::optional<Stance> stance;
  std::optional<Outcome> outcome;
  std::string notes;
  std::optional<std::string> follow_up;  // a date
  std::optional<std::string> campaign;
  std::string origin = "log";  // log | letter | import | campaign
  std::string created_at;
  std::string updated_at;
  std::optional<std::string> deleted_at;
};

struct ContactFilter {
  std::optional<std::string> since;  // UTC timestamp
  std::optional<std::string> bill;
  std::optional<std::string> official_id;
  std::optional<Channel> channel;
  bool deleted = false;  // list the deleted ones instead
};

// Inserts one contact in its own transaction; returns it with id and uid.
Contact add_contact(SQLite::Database& db, Contact contact, const std::string& now);
// Inserts many in one transaction (letters, campaigns).
void add_contacts(SQLite::Database& db, std::vector<Contact>& contacts, const std::string& now);
// Inserts, in one transaction, those whose uid the journal does not hold
// yet; returns how many were added.
long add_new_contacts(SQLite::Database& db, std::vector<Contact>& contacts, const std::string& now);

// One of many new contacts alike in all but their official, uid and notes
// (a campaign's letters): the rest is given once, not copied for each.
struct ContactEntry {
  std::shared_ptr<const OfficialSnapshot> official;
  std::string uid;
  std::string notes;
};

// Adds the contacts of a long run (a campaign's letters) as they come, with
// one commit per `rows_per_commit` rows: each commit writes out every index
// page its rows touched, and a random uid touches most of them.
class ContactAppender {
public:
  ContactAppender(SQLite::Database& db, std::string now, std::size_t rows_per_commit);
  // What was added since the last commit is rolled back unless committed.
  ~ContactAppender();
  ContactAppender(const ContactAppender&) = delete;
  ContactAppender& operator=(const ContactAppender&) = delete;

  // Adds those whose uid the journal does not hold yet; returns how many.
  long add_new(std::vector<Contact>& contacts);
  // The same for contacts that are `shared` but for each entry's official,
  // uid and notes.
  long add_new(const Contact& shared, const std::vector<ContactEntry>& entries);
  void commit();

private:
  void begin();
  void counted(std::size_t rows);

  SQLite::Database& m_db;
  std::string m_now;
  std::size_t m_rows_per_commit;
  std::size_t m_uncommitted = 0;
  std::unique_ptr<SQLite::Transaction> m_transaction;
  std::unique_ptr<SQLite::Statement> m_insert;
};

std::optional<Contact> find_contact(SQLite::Database& db, long id);
std::vector<Contact> list_contacts(SQLite::Database& db, const ContactFilter& filter);

// Replaces the editable fields of contact `edited.id`.
void update_contact(SQLite::Database& db, const Contact& edited, const std::string& now);
// Soft delete and its undo; false when there is no such contact.
enum class Deleted { no, yes };
bool set_deleted(SQLite::Database& db, long id, Deleted deleted, const std::string& now);

// A campaign's contacts by outcome ("drafted" -> 120, "sent" -> 30).
std::map<std::string, long> campaign_outcomes(SQLite::Database& db, const std::string& campaign);
// Marks a campaign's drafted contacts (with one official, when given) as
// sent; returns how many.
long mark_campaign_sent(SQLite::Database& db, const std::string& campaign, const std::optional<std::string>& official,
                        const std::string& now);

}  // namespace civic::journal
