#include "core/journal/journal_db.hpp"

#include <SQLiteCpp/Transaction.h>

#include "core/error.hpp"
#include "core/journal/migrations.hpp"
#include "core/util/files.hpp"

namespace civic::journal {
namespace fs = std::filesystem;
namespace {

constexpr int k_busy_timeout_ms = 10000;

struct Header {
  int application_id = 0;
  int version = 0;
  bool has_tables = false;
};

// Read without opening for writing: a file we refuse must stay as it was.
Header read_header(const fs::path& path) {
  try {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    db.setBusyTimeout(k_busy_timeout_ms);
    Header header;
    header.application_id = db.execAndGet("PRAGMA application_id").getInt();
    header.version = db.execAndGet("PRAGMA user_version").getInt();
    header.has_tables = db.execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0;
    return header;
  } catch (const SQLite::Exception& e) {
    throw Error(path.string() + " is not a civic journal, or it is damaged (" + e.what() + "); it was left as it is")
        .hint("move it aside to start a new journal, or restore it from a backup (journal.db.v*.bak)");
  }
}

void check_header(const fs::path& path, const Header& header) {
  const bool fresh = header.application_id == 0 && header.version == 0 && !header.has_tables;
  if (!fresh && header.application_id != k_journal_application_id) {
    throw Error(path.string() + " is not a civic journal; it was left as it is")
        .hint("point CIVIC_DATA_DIR at another folder, or move the file aside");
  }
  if (header.version > latest_version()) {
    throw Error(path.string() + " was written by a newer civic (journal version " + std::to_string(header.version) +
                "; this civic knows up to " + std::to_string(latest_version()) + ")")
        .hint("upgrade civic; the journal was not changed");
  }
}

// A consistent copy, taken through SQLite so a concurrent writer is safe.
void back_up(SQLite::Database& db, const fs::path& path, int version, const std::string& now) {
  std::string stamp;
  for (const char c : now) {
    if (c != ':' && c != '-') {
      stamp += c;
    }
  }
  const auto backup = path.string() + ".v" + std::to_string(version) + "-" + stamp + ".bak";
  std::error_code ec;
  fs::remove(backup, ec);
  SQLite::Statement vacuum(db, "VACUUM INTO ?");
  vacuum.bind(1, backup);
  vacuum.exec();
}

void configure(SQLite::Database& db) {
  db.setBusyTimeout(k_busy_timeout_ms);
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = FULL");
  db.exec("PRAGMA foreign_keys = ON");
}

}  // namespace

int latest_version() { return static_cast<int>(migrations().size()); }

void migrate(SQLite::Database& db, int to) {
  // IMMEDIATE: a second process migrating at the same time waits here, then
  // finds the work done.
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  const int from = db.execAndGet("PRAGMA user_version").getInt();
  for (int version = from + 1; version <= to; ++version) {
    db.exec(std::string(migrations()[static_cast<std::size_t>(version - 1)]));
  }
  if (to > from) {
    db.exec("PRAGMA application_id = " + std::to_string(k_journal_application_id));
    db.exec("PRAGMA user_version = " + std::to_string(to));
  }
  transaction.commit();
}

SQLite::Database open_journal(const fs::path& path, const std::string& now) {
  std::error_code ec;
  const bool existed = fs::exists(path, ec) && fs::file_size(path, ec) > 0;
  if (existed) {
    check_header(path, read_header(path));
  } else {
    ensure_private_dir(path.parent_path());
  }
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  configure(db);
  const int version = db.execAndGet("PRAGMA user_version").getInt();
  if (version < latest_version()) {
    if (existed && version > 0) {
      back_up(db, path, version, now);
    }
    migrate(db, latest_version());
  }
  return db;
}

std::optional<SQLite::Database> open_journal_if_exists(const fs::path& path, const std::string& now) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    return std::nullopt;
  }
  return open_journal(path, now);
}

}  // namespace civic::journal
