#pragma once
// journal.db: the user's own records, which nothing can regenerate. Opened
// with checks before any write (a foreign, damaged or newer file is refused
// untouched), migrated forward in transactions after a backup, in WAL mode
// so a second civic process can log at the same time.

#include <filesystem>
#include <optional>
#include <string>

#include <SQLiteCpp/Database.h>

namespace civic::journal {

inline constexpr int k_journal_application_id = 0x4349564a;  // "CIVJ"

// The schema version this civic writes: the number of migrations.
int latest_version();

// Opens (creating when missing) and migrates the journal at `path`. Before
// a migration of an existing journal, a copy is written beside it
// (journal.db.v<N>.bak). `now` stamps the backup's name.
SQLite::Database open_journal(const std::filesystem::path& path, const std::string& now);

// Like open_journal, but nullopt when there is no journal yet: commands
// that only read do not create one.
std::optional<SQLite::Database> open_journal_if_exists(const std::filesystem::path& path, const std::string& now);

// Applies the migrations after `from` up to `to` (tests build old journals).
void migrate(SQLite::Database& db, int to);

}  // namespace civic::journal
