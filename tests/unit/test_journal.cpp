// journal.db: migrations, refusal of foreign and newer files, contacts,
// statistics, export and import.
#include <doctest/doctest.h>

#include <SQLiteCpp/Statement.h>

#include "core/error.hpp"
#include "core/db/statement.hpp"
#include "core/journal/contact.hpp"
#include "core/journal/exchange.hpp"
#include "core/journal/journal_db.hpp"
#include "core/journal/migrations.hpp"
#include "core/journal/remind.hpp"
#include "core/journal/stats.hpp"
#include "core/local_time.hpp"
#include "core/util/files.hpp"
#include "support/test_env.hpp"

using namespace civic;
using namespace civic::journal;
using namespace civic::test;
namespace fs = std::filesystem;

namespace {

constexpr const char* k_now = "2026-11-28T12:00:00Z";

Contact contact(const std::string& official, const std::string& channel, const std::string& at,
                std::optional<std::string> bill = std::nullopt, std::optional<std::string> outcome = "sent") {
  Contact c;
  c.at = at;
  c.official = {official, "Name " + official, "U.S. Senator", "WA", ""};
  c.channel = *parse_channel(channel);
  c.bill = std::move(bill);
  c.outcome = outcome ? parse_outcome(*outcome) : std::nullopt;
  return c;
}

// The schema as text, for comparing two journals.
std::string schema(SQLite::Database& db) {
  SQLite::Statement s(db, "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name");
  std::string out;
  while (s.executeStep()) {
    out += s.getColumn(0).getString() + " " + s.getColumn(1).getString() + ": " + s.getColumn(2).getString() + "\n";
  }
  return out + "version " + std::to_string(db.execAndGet("PRAGMA user_version").getInt());
}

}  // namespace

TEST_CASE("a new journal is created at the latest version, in WAL mode, with its application id") {
  World world;
  const auto path = world.data_dir() / "journal.db";
  auto db = open_journal(path, k_now);
  CHECK(db.execAndGet("PRAGMA page_size").getInt() == 16384);
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == latest_version());
  CHECK(latest_version() == static_cast<int>(migrations().size()));
  CHECK(db.execAndGet("PRAGMA application_id").getInt() == k_journal_application_id);
  CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(db.execAndGet("PRAGMA foreign_keys").getInt() == 1);
  CHECK(db.execAndGet("PRAGMA busy_timeout").getInt() >= 1000);
}

TEST_CASE("every old version migrates to the same schema as a new journal, keeping rows and a backup") {
  World world;
  auto fresh = open_journal(world.dir / "fresh.db", k_now);
  const auto latest = schema(fresh);
  for (int version = 1; version < latest_version(); ++version) {
    CAPTURE(version);
    const auto path = world.dir / ("v" + std::to_string(version)) / "journal.db";
    {
      fs::create_directories(path.parent_path());
      SQLite::Database old(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      migrate(old, version);
      auto c = contact("C000127", "letter", "2026-10-01T15:00:00Z", "hr1144-119");
      add_contact(old, c, "2026-10-01T15:00:00Z");
    }
    auto db = open_journal(path, k_now);
    CHECK(schema(db) == latest);
    const auto contacts = list_contacts(db, {});
    REQUIRE(contacts.size() == 1);
    CHECK(contacts[0].official.id == "C000127");
    CHECK(contacts[0].bill == "hr1144-119");
    const auto backup = path.string() + ".v" + std::to_string(version) + "-20261128T120000Z.bak";
    REQUIRE(fs::exists(backup));
    SQLite::Database saved(backup, SQLite::OPEN_READONLY);
    CHECK(saved.execAndGet("PRAGMA user_version").getInt() == version);
    CHECK(saved.execAndGet("SELECT count(*) FROM contact").getInt() == 1);
  }
}

TEST_CASE("the journals earlier versions of civic wrote (stored fixtures) migrate to the latest schema") {
  World world;
  auto fresh = open_journal(world.dir / "fresh.db", k_now);
  const auto latest = schema(fresh);
  for (int version = 1; version < latest_version(); ++version) {
    CAPTURE(version);
    const auto path = world.dir / ("fixture-v" + std::to_string(version)) / "journal.db";
    {
      fs::create_directories(path.parent_path());
      SQLite::Database old(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      old.exec(read_file(fixtures_dir() / "journal" / ("v" + std::to_string(version) + ".sql")));
      REQUIRE(old.execAndGet("PRAGMA user_version").getInt() == version);
    }
    auto db = open_journal(path, k_now);
    CHECK(schema(db) == latest);
    CHECK(db.execAndGet("PRAGMA page_size").getInt() == 4096);  // as it was made
    const auto kept = list_contacts(db, {});
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].uid == "fixture-0001");
    CHECK(kept[0].notes == "first letter");
    CHECK(kept[0].follow_up == "2026-11-01");
    ContactFilter deleted;
    deleted.deleted = true;
    CHECK(list_contacts(db, deleted).size() == 1);
    if (version >= 2) {
      CHECK(db.execAndGet("SELECT count(*) FROM tracked_bill").getInt() == 1);
      CHECK(db.execAndGet("SELECT count(*) FROM event").getInt() == 1);
    }
  }
}

TEST_CASE("a journal from a newer civic is refused and left as it was") {
  World world;
  const auto path = world.dir / "journal.db";
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE future (x)");
    db.exec("PRAGMA application_id = " + std::to_string(k_journal_application_id));
    db.exec("PRAGMA user_version = " + std::to_string(latest_version() + 1));
  }
  const auto before = read_file(path);
  CHECK_THROWS_WITH_AS(open_journal(path, k_now), doctest::Contains("written by a newer civic"), Error);
  CHECK(read_file(path) == before);
  CHECK_FALSE(fs::exists(path.string() + "-wal"));
}

TEST_CASE("a foreign or damaged file is refused and left as it was") {
  World world;
  SUBCASE("not SQLite at all") {
    const auto path = world.dir / "journal.db";
    write_text(path, "this is a shopping list, not a database\n");
    CHECK_THROWS_WITH_AS(open_journal(path, k_now), doctest::Contains("not a civic journal, or it is damaged"), Error);
    CHECK(read_file(path) == "this is a shopping list, not a database\n");
  }
  SUBCASE("another program's SQLite database") {
    const auto path = world.dir / "journal.db";
    {
      SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      db.exec("CREATE TABLE recipes (name TEXT)");
      db.exec("INSERT INTO recipes VALUES ('bread')");
    }
    const auto before = read_file(path);
    CHECK_THROWS_WITH_AS(open_journal(path, k_now), doctest::Contains("is not a civic journal"), Error);
    CHECK(read_file(path) == before);
  }
  SUBCASE("a journal whose pages were overwritten") {
    const auto path = world.dir / "journal.db";
    {
      auto db = open_journal(path, k_now);
      for (int i = 0; i < 200; ++i) {
        add_contact(db, contact("C000127", "call", "2026-10-01T15:00:00Z"), k_now);
      }
      db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    auto bytes = read_file(path);
    for (std::size_t i = 0; i < 100; ++i) {
      bytes[i] = static_cast<char>(0xA5);  // the header is gone
    }
    write_file_atomic(path, bytes);
    CHECK_THROWS_AS(open_journal(path, k_now), Error);
    CHECK(read_file(path) == bytes);
  }
}

TEST_CASE("contacts keep the official as they were, and can be edited, deleted and restored") {
  World world;
  auto db = open_journal(world.dir / "journal.db", k_now);
  auto first = add_contact(db, contact("C000127", "letter", "2026-11-01T15:00:00Z", "s1829-119"), k_now);
  auto second = add_contact(db, contact("M001111", "call", "2026-11-20T15:00:00Z", "hr1144-119", "voicemail"), k_now);
  CHECK(first.id == 1);
  CHECK(second.id == 2);
  CHECK(first.uid.size() == 32);
  CHECK(first.uid != second.uid);

  CHECK(list_contacts(db, {}).size() == 2);
  ContactFilter since;
  since.since = "2026-11-10T00:00:00Z";
  CHECK(list_contacts(db, since).front().id == 2);
  ContactFilter by_bill;
  by_bill.bill = "s1829-119";
  CHECK(list_contacts(db, by_bill).front().id == 1);
  ContactFilter by_official;
  by_official.official_id = "m001111";  // any case
  CHECK(list_contacts(db, by_official).size() == 1);

  auto edited = *find_contact(db, 1);
  edited.outcome = Outcome::replied;
  edited.notes = "a form letter back";
  update_contact(db, edited, "2026-11-29T12:00:00Z");
  const auto reread = *find_contact(db, 1);
  CHECK(reread.outcome == Outcome::replied);
  CHECK(reread.notes == "a form letter back");
  CHECK(reread.updated_at == "2026-11-29T12:00:00Z");
  CHECK(reread.official.name == "Name C000127");

  CHECK(set_deleted(db, 2, Deleted::yes, k_now));
  CHECK(list_contacts(db, {}).size() == 1);
  ContactFilter deleted;
  deleted.deleted = true;
  CHECK(list_contacts(db, deleted).front().id == 2);
  CHECK(set_deleted(db, 2, Deleted::no, k_now));
  CHECK(list_contacts(db, {}).size() == 2);
  CHECK_FALSE(set_deleted(db, 99, Deleted::yes, k_now));
}

TEST_CASE("an appender commits every so many rows, skips known uids, and rolls back what it did not commit") {
  World world;
  const auto path = world.dir / "journal.db";
  auto db = open_journal(path, k_now);
  auto batch = [](int first, int count) {
    std::vector<Contact> out;
    for (int i = first; i < first + count; ++i) {
      auto c = contact("C000127", "letter", "2026-11-01T15:00:00Z", "hr1144-119", "drafted");
      c.uid = "campaign-" + std::to_string(i);
      out.push_back(std::move(c));
    }
    return out;
  };
  // What another process sees: only committed rows.
  auto committed = [&] {
    SQLite::Database reader(path.string(), SQLite::OPEN_READONLY);
    return reader.execAndGet("SELECT count(*) FROM contact").getInt();
  };
  {
    ContactAppender appender(db, k_now, 5);
    auto first = batch(0, 3);
    CHECK(appender.add_new(first) == 3);
    CHECK(committed() == 0);
    auto second = batch(2, 3);  // campaign-2 is there already
    CHECK(appender.add_new(second) == 2);
    CHECK(committed() == 5);  // the fifth row committed the transaction
    auto third = batch(5, 2);
    CHECK(appender.add_new(third) == 2);
    CHECK(committed() == 5);
    appender.commit();
    CHECK(committed() == 7);
    auto lost = batch(7, 2);
    CHECK(appender.add_new(lost) == 2);
  }
  CHECK(committed() == 7);
  CHECK(db.execAndGet("SELECT count(*) FROM contact WHERE uid = 'campaign-8'").getInt() == 0);
  // The journal takes other writes again once the appender is gone.
  add_contact(db, contact("M001111", "call", "2026-11-20T15:00:00Z"), k_now);
  CHECK(committed() == 8);
}

TEST_CASE("contacts alike but for their official, uid and notes are added from one shared contact") {
  World world;
  auto db = open_journal(world.dir / "journal.db", k_now);
  auto shared = contact("ignored", "letter", "2026-11-01T15:00:00Z", "hr1144-119", "drafted");
  shared.stance = Stance::support;
  shared.campaign = "Drive";
  shared.origin = "campaign";
  const auto cantwell = std::make_shared<const OfficialSnapshot>(
      OfficialSnapshot{"C000127", "Maria Cantwell", "U.S. Senator", "WA", ""});
  const auto jayapal = std::make_shared<const OfficialSnapshot>(
      OfficialSnapshot{"J000298", "Pramila Jayapal", "U.S. Representative", "WA", "7"});
  ContactAppender appender(db, k_now, 100);
  CHECK(appender.add_new(shared, {{cantwell, "u-1", "for supporter s1"}, {jayapal, "u-2", "for supporter s1"}}) == 2);
  CHECK(appender.add_new(shared, {{jayapal, "u-2", "again"}, {cantwell, "u-3", "for supporter s2"}}) == 1);
  appender.commit();
  const auto all = list_contacts(db, {});
  REQUIRE(all.size() == 3);
  CHECK(all[0].uid == "u-1");
  CHECK(all[0].official.name == "Maria Cantwell");
  CHECK(all[1].official.id == "J000298");
  CHECK(all[1].official.district == "7");
  CHECK(all[1].notes == "for supporter s1");  // the first one kept
  CHECK(all[2].notes == "for supporter s2");
  for (const auto& c : all) {
    CHECK(c.at == "2026-11-01T15:00:00Z");
    CHECK(c.channel == Channel::letter);
    CHECK(c.bill == "hr1144-119");
    CHECK(c.stance == Stance::support);
    CHECK(c.outcome == Outcome::drafted);
    CHECK(c.campaign == "Drive");
    CHECK(c.origin == "campaign");
    CHECK(c.created_at == k_now);
    CHECK(c.updated_at == k_now);
  }
}

TEST_CASE("many contacts at one time (a campaign's) name the official by the last, and owe one reminder") {
  World world;
  auto db = open_journal(world.dir / "journal.db", k_now);
  std::vector<Contact> batch;
  for (int i = 0; i < 300; ++i) {
    auto c = contact("C000127", "letter", "2026-10-01T15:00:00Z", "hr1144-119", "sent");
    c.official.name = "Senator " + std::to_string(i);
    batch.push_back(std::move(c));
  }
  auto earlier = contact("C000127", "letter", "2026-09-01T15:00:00Z", "hr1144-119", "sent");
  earlier.official.name = "Earlier";
  batch.push_back(earlier);  // added last, but not the latest
  auto other = contact("M001111", "letter", "2026-10-01T15:00:00Z", "hr1144-119", "sent");
  batch.push_back(other);
  batch.push_back(other);
  add_contacts(db, batch, k_now);
  const auto stats = journal_stats(db, {});
  REQUIRE(stats.by_official.size() == 2);
  CHECK(stats.by_official[0].label == "U.S. Senator Senator 299 (WA)");
  RemindOptions options;
  options.today = *parse_date("2026-11-28");
  const auto due = due_reminders(db, options);
  REQUIRE(due.size() == 2);  // one per official and bill, from the newest contact
  CHECK(due[0].kind == "no-reply");
  CHECK(due[0].contact_id == batch[299].id);
  CHECK(due[0].text.find("Senator 299") != std::string::npos);
  CHECK(due[1].official_id == "M001111");
  CHECK(due[1].contact_id == batch.back().id);
}

TEST_CASE("a bad channel, stance or outcome never reaches the journal; a missing stance or outcome does") {
  World world;
  auto db = open_journal(world.dir / "journal.db", k_now);
  // civic's own types cannot hold another word; the table refuses one from elsewhere.
  const auto insert = [&](const char* channel, const char* stance, const char* outcome) {
    SQLite::Statement s(db,
                        "INSERT INTO contact (uid, at, official_id, official_name, official_title, official_state, "
                        "official_district, channel, stance, outcome, notes, origin, created_at, updated_at) VALUES "
                        "(?5, '2026-11-01T15:00:00Z', 'C000127', 'N', '', '', '', ?1, ?2, ?3, '', 'log', ?4, ?4)");
    db::exec(s, channel, stance, outcome, k_now, std::string(channel) + stance + outcome);
  };
  CHECK_THROWS_WITH(insert("pigeon", "support", "sent"), doctest::Contains("CHECK constraint failed"));
  CHECK_THROWS_WITH(insert("letter", "indifferent", "sent"), doctest::Contains("CHECK constraint failed"));
  CHECK_THROWS_WITH(insert("letter", "support", "lost"), doctest::Contains("CHECK constraint failed"));
  CHECK(list_contacts(db, {}).empty());
  insert("fax", "follow-up", "no-answer");
  const auto read = list_contacts(db, {});
  REQUIRE(read.size() == 1);
  CHECK(read[0].channel == Channel::fax);
  CHECK(read[0].stance == Stance::follow_up);
  CHECK(read[0].outcome == Outcome::no_answer);
  db.exec("DELETE FROM contact");
  for (const auto* channel : {"letter", "email", "form", "call", "visit", "fax"}) {
    add_contact(db, contact("C000127", channel, "2026-11-01T15:00:00Z", std::nullopt, std::nullopt), k_now);
  }
  for (const auto* outcome : {"drafted", "sent", "reached", "voicemail", "replied", "no-answer"}) {
    auto c = contact("C000127", "call", "2026-11-02T15:00:00Z", "hr1144-119", outcome);
    c.stance = Stance::follow_up;
    add_contact(db, c, k_now);
  }
  CHECK(list_contacts(db, {}).size() == 12);
}

TEST_CASE("stats count contacts per official, bill and channel, and replies to written ones") {
  World world;
  auto db = open_journal(world.dir / "journal.db", k_now);
  std::vector<Contact> batch = {
      contact("C000127", "letter", "2026-11-01T15:00:00Z", "s1829-119", "replied"),
      contact("C000127", "email", "2026-11-02T15:00:00Z", "s1829-119", "sent"),
      contact("C000127", "call", "2026-11-03T15:00:00Z", "hr1144-119", "reached"),
      contact("M001111", "letter", "2026-11-04T15:00:00Z", "hr1144-119", "sent"),
      contact("M001111", "visit", "2026-11-05T15:00:00Z", std::nullopt, std::nullopt),
  };
  add_contacts(db, batch, k_now);
  set_deleted(db, batch.back().id, Deleted::yes, k_now);
  const auto stats = journal_stats(db, {});
  CHECK(stats.total.contacts == 4);
  CHECK(stats.total.written == 3);
  CHECK(stats.total.replied == 1);
  CHECK(*reply_rate(stats.total) == doctest::Approx(1.0 / 3.0));
  REQUIRE(stats.by_official.size() == 2);
  CHECK(stats.by_official[0].key == "C000127");
  CHECK(stats.by_official[0].contacts == 3);
  CHECK(stats.by_official[0].label == "U.S. Senator Name C000127 (WA)");
  CHECK(stats.by_bill[0].label.empty());
  CHECK(stats.by_official[1].contacts == 1);
  REQUIRE(stats.by_bill.size() == 2);
  CHECK(stats.by_bill[0].contacts == 2);
  REQUIRE(stats.by_channel.size() == 3);
  CHECK(stats.by_channel[0].key == "letter");
  CHECK(stats.by_channel[0].contacts == 2);
  CHECK(stats.by_channel[1].key == "call");  // ties in key order
  CHECK_FALSE(reply_rate(stats.by_channel[1]).has_value());  // calls get no written reply
}

TEST_CASE("export and import carry every field; the same file imported twice adds nothing") {
  World world;
  auto source = open_journal(world.dir / "a" / "journal.db", k_now);
  auto c = contact("C000127", "letter", "2026-11-01T15:00:00Z", "s1829-119", "replied");
  c.notes = "said \"thanks\", will co-sponsor;\nsecond line";
  c.follow_up = "2026-12-01";
  c.stance = Stance::support;
  add_contact(source, c, k_now);
  add_contact(source, contact("M001111", "call", "2026-11-20T15:00:00Z"), k_now);
  const auto originals = list_contacts(source, {});
  for (const auto format : {ExchangeFormat::csv, ExchangeFormat::json}) {
    CAPTURE(static_cast<int>(format));
    const auto text = export_contacts(originals, format);
    auto target = open_journal(world.dir / (format == ExchangeFormat::csv ? "csv" : "json") / "journal.db", k_now);
    auto first = import_contacts(target, read_exchange(text, "contacts", format), k_now);
    CHECK(first.added == 2);
    CHECK(first.already_present == 0);
    auto second = import_contacts(target, read_exchange(text, "contacts", format), k_now);
    CHECK(second.added == 0);
    CHECK(second.already_present == 2);
    const auto copied = list_contacts(target, {});
    REQUIRE(copied.size() == 2);
    for (std::size_t i = 0; i < copied.size(); ++i) {
      CHECK(copied[i].uid == originals[i].uid);
      CHECK(copied[i].at == originals[i].at);
      CHECK(copied[i].official.name == originals[i].official.name);
      CHECK(copied[i].official.title == originals[i].official.title);
      CHECK(copied[i].channel == originals[i].channel);
      CHECK(copied[i].bill == originals[i].bill);
      CHECK(copied[i].stance == originals[i].stance);
      CHECK(copied[i].outcome == originals[i].outcome);
      CHECK(copied[i].notes == originals[i].notes);
      CHECK(copied[i].follow_up == originals[i].follow_up);
      CHECK(copied[i].origin == "import");
    }
  }
}

TEST_CASE("a bad import names every bad field by line, and adds nothing") {
  World world;
  auto db = open_journal(world.dir / "journal.db", k_now);
  const std::string csv =
      "at,official_id,official_name,channel,outcome\n"
      "2026-11-01T15:00:00Z,C000127,Maria Cantwell,letter,sent\n"
      "yesterday,C000127,Maria Cantwell,pigeon,sent\n"
      "2026-11-02 10:00,,Patty Murray,call,maybe\n";
  try {
    read_exchange(csv, "old.csv", ExchangeFormat::csv);
    FAIL("expected an error");
  } catch (const Error& e) {
    const std::string message = e.what();
    CHECK(message.find("4 problem(s); nothing was imported") != std::string::npos);
    CHECK(message.find("old.csv:3: at: 'yesterday' is not a time") != std::string::npos);
    CHECK(message.find("old.csv:3: channel: 'pigeon' is not one of letter, email, form, call, visit, fax") !=
          std::string::npos);
    CHECK(message.find("old.csv:4: official_id: missing") != std::string::npos);
    CHECK(message.find("old.csv:4: outcome: 'maybe'") != std::string::npos);
  }
  CHECK(list_contacts(db, {}).empty());
  CHECK_THROWS_WITH_AS(read_exchange("{\"not\": \"a list\"}", "x.json", ExchangeFormat::json),
                       doctest::Contains("expected an array"), Error);
}

TEST_CASE("rows from another tool without uids still import once") {
  World world;
  auto db = open_journal(world.dir / "journal.db", k_now);
  const std::string csv =
      "at,official_id,official_name,channel\n"
      "2026-11-02 10:00,M001111,Patty Murray,call\n";
  CHECK(import_contacts(db, read_exchange(csv, "t.csv", ExchangeFormat::csv), k_now).added == 1);
  CHECK(import_contacts(db, read_exchange(csv, "t.csv", ExchangeFormat::csv), k_now).added == 0);
  // Local time: 10:00 in New York is 15:00 UTC in November.
  CHECK(list_contacts(db, {}).front().at == "2026-11-02T15:00:00Z");
}

TEST_CASE("local times read and print in the user's time zone") {
  World world;  // New York
  CHECK(format_utc_timestamp(*parse_local_datetime("2026-07-04 09:30")) == "2026-07-04T13:30:00Z");
  CHECK(format_utc_timestamp(*parse_local_datetime("2026-12-04T09:30:15")) == "2026-12-04T14:30:15Z");
  CHECK(format_utc_timestamp(*parse_local_datetime("2026-12-04")) == "2026-12-04T17:00:00Z");
  CHECK(format_utc_timestamp(*parse_local_datetime("2026-12-04T01:00:00Z")) == "2026-12-04T01:00:00Z");
  CHECK(format_local_datetime(*parse_utc_timestamp("2026-12-04T01:00:00Z")) == "2026-12-03 20:00");
  CHECK_FALSE(parse_local_datetime("2026-12-04 25:00"));
  CHECK_FALSE(parse_local_datetime("next week"));
  const Date today{std::chrono::year{2026}, std::chrono::November, std::chrono::day{28}};
  CHECK(format_date(*parse_day("+7d", today)) == "2026-12-05");
  CHECK(format_date(*parse_day("tomorrow", today)) == "2026-11-29");
  CHECK(format_date(*parse_day("2027-01-03", today)) == "2027-01-03");
  CHECK_FALSE(parse_day("+xd", today));
  CHECK_FALSE(parse_day("2027-01-03junk", today));
  CHECK(local_utc_offset(*parse_utc_timestamp("2026-11-28T12:00:00Z")) == "-05:00");
}
