#include "core/db/fast_query.hpp"

#include <sqlite3.h>

#include "core/error.hpp"

namespace civic::db {

FastQuery::FastQuery(SQLite::Database& db, const std::string& sql) : m_db(db) {
  if (sqlite3_prepare_v2(db.getHandle(), sql.c_str(), static_cast<int>(sql.size()), &m_stmt, nullptr) != SQLITE_OK) {
    throw Error(std::string("database: ") + sqlite3_errmsg(db.getHandle()));
  }
}

FastQuery::~FastQuery() { sqlite3_finalize(m_stmt); }

void FastQuery::bind(int index, const std::string& value) {
  sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
}

bool FastQuery::step() {
  const int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) {
    return true;
  }
  if (rc != SQLITE_DONE) {
    throw Error(std::string("database: ") + sqlite3_errmsg(m_db.getHandle()));
  }
  return false;
}

std::string_view FastQuery::text(int column) const {
  const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
  return bytes == nullptr ? std::string_view() : std::string_view(bytes, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)));
}

std::optional<double> FastQuery::optional_real(int column) const {
  if (sqlite3_column_type(m_stmt, column) == SQLITE_NULL) {
    return std::nullopt;
  }
  return sqlite3_column_double(m_stmt, column);
}

std::optional<int> FastQuery::optional_int(int column) const {
  if (sqlite3_column_type(m_stmt, column) == SQLITE_NULL) {
    return std::nullopt;
  }
  return sqlite3_column_int(m_stmt, column);
}

}  // namespace civic::db
