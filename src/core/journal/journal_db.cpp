#include "core/journal/journal_db.hpp"

#include <cerrno>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include "core/error.hpp"
#include "core/journal/migrations.hpp"
#include "core/util/files.hpp"

namespace civic::journal {
namespace fs = std::filesystem;
namespace {

constexpr int k_busy_timeout_ms = 10000;

// Held while a process opens, creates or migrates the journal: SQLite's own
// locks do not cover a file that does not exist yet, nor switching it to
// WAL, so two civic processes starting at once take turns here (on the
// folder, which exists before the file does). Released before any row is
// written, so logging itself runs side by side.
class OpenLock {
public:
  explicit OpenLock(const fs::path& dir) : m_fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
    if (m_fd >= 0) {
      while (::flock(m_fd, LOCK_EX) != 0 && errno == EINTR) {
      }
    }
  }
  ~OpenLock() {
    if (m_fd >= 0) {
      ::close(m_fd);  // releases the lock
    }
  }
  OpenLock(const OpenLock&) = delete;
  OpenLock& operator=(const OpenLock&) = delete;

private:
  int m_fd;
};

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
  // A new journal is made with 16 KB pages: a campaign adds hundreds of
  // thousands of rows to five indexes, and larger pages split less often
  // (a fifth less time). A journal that exists keeps its page size.
  db.exec("PRAGMA page_size = 16384");
  db.exec("PRAGMA journal_mode = WAL");
  // In WAL mode NORMAL keeps the journal consistent through any crash and
  // every committed row through a killed process; only a power cut can
  // take back the last commits. FULL would fsync each `civic log`.
  db.exec("PRAGMA synchronous = NORMAL");
  db.exec("PRAGMA foreign_keys = ON");
  // Whatever a big write left, the log shrinks back once it is checkpointed.
  db.exec("PRAGMA journal_size_limit = 4194304");
  // Leave the write-ahead log for the next run instead of copying it back
  // at every exit; SQLite checkpoints it as it grows.
  sqlite3_db_config(db.getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
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
  ensure_private_dir(path.parent_path());
  const OpenLock lock(path.parent_path());
  std::error_code ec;
  const bool existed = fs::exists(path, ec) && fs::file_size(path, ec) > 0;
  if (existed) {
    check_header(path, read_header(path));
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
