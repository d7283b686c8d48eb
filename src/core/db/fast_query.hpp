#pragma once
// A read-only query on the raw SQLite API, for the few loops that read
// thousands of columns per command: SQLiteCpp's Column objects copy a
// shared pointer per value, which there costs more than the query.

#include <optional>
#include <string>
#include <string_view>

#include <SQLiteCpp/Database.h>

struct sqlite3_stmt;

namespace civic::db {

class FastQuery {
public:
  FastQuery(SQLite::Database& db, const std::string& sql);
  ~FastQuery();
  FastQuery(const FastQuery&) = delete;
  FastQuery& operator=(const FastQuery&) = delete;

  void bind(int index, const std::string& value);  // 1-based
  bool step();                                     // false when done; throws on errors
  // Valid until the next step.
  std::string_view text(int column) const;
  std::optional<double> optional_real(int column) const;
  std::optional<int> optional_int(int column) const;

private:
  SQLite::Database& m_db;
  sqlite3_stmt* m_stmt = nullptr;
};

}  // namespace civic::db
