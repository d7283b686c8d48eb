#pragma once
// Binding helpers for SQLiteCpp: run a prepared statement with a list of
// values in one call, std::optional binding NULL.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

namespace civic::db {

inline void bind_value(SQLite::Statement& s, int i, const std::string& v) { s.bind(i, v); }
inline void bind_value(SQLite::Statement& s, int i, std::string_view v) { s.bind(i, std::string(v)); }
inline void bind_value(SQLite::Statement& s, int i, const char* v) { s.bind(i, v); }
inline void bind_value(SQLite::Statement& s, int i, int v) { s.bind(i, v); }
inline void bind_value(SQLite::Statement& s, int i, long v) { s.bind(i, static_cast<int64_t>(v)); }
inline void bind_value(SQLite::Statement& s, int i, long long v) { s.bind(i, static_cast<int64_t>(v)); }
inline void bind_value(SQLite::Statement& s, int i, unsigned long v) { s.bind(i, static_cast<int64_t>(v)); }
inline void bind_value(SQLite::Statement& s, int i, double v) { s.bind(i, v); }
inline void bind_value(SQLite::Statement& s, int i, bool v) { s.bind(i, v ? 1 : 0); }

// Bytes to bind as a BLOB rather than TEXT.
struct Blob {
  std::string_view bytes;
};
inline void bind_value(SQLite::Statement& s, int i, Blob v) {
  s.bind(i, v.bytes.data(), static_cast<int>(v.bytes.size()));
}
// Text that outlives the statement's next step, bound without a copy.
struct Borrowed {
  const std::string& text;
};
inline void bind_value(SQLite::Statement& s, int i, Borrowed v) { s.bindNoCopy(i, v.text); }
inline Borrowed borrow(const std::string& text) { return {text}; }
inline std::optional<Borrowed> borrow(const std::optional<std::string>& text) {
  return text ? std::optional<Borrowed>(Borrowed{*text}) : std::nullopt;
}

// A literal's text (static storage, NUL-terminated), bound without a copy.
struct Literal {
  std::string_view text;
};
inline void bind_value(SQLite::Statement& s, int i, Literal v) { s.bindNoCopy(i, v.text.data()); }
// An enum bound as its word: its to_string() gives a literal's text.
template <class E>
  requires std::is_enum_v<E>
void bind_value(SQLite::Statement& s, int i, E v) {
  bind_value(s, i, Literal{to_string(v)});
}

template <class T>
void bind_value(SQLite::Statement& s, int i, const std::optional<T>& v) {
  if (v) {
    bind_value(s, i, *v);
  } else {
    s.bind(i);
  }
}

// Binds the arguments to ?1, ?2, ... of a query about to be stepped.
template <class... Args>
void bind(SQLite::Statement& statement, const Args&... args) {
  int index = 0;
  (bind_value(statement, ++index, args), ...);
}

// Binds the arguments to ?1, ?2, ..., executes, and resets for reuse.
template <class... Args>
void exec(SQLite::Statement& statement, const Args&... args) {
  bind(statement, args...);
  statement.exec();
  statement.reset();
}

// The text of a column, "" for NULL.
inline std::string text(const SQLite::Statement& s, int column) { return s.getColumn(column).getString(); }
inline std::optional<double> optional_real(const SQLite::Statement& s, int column) {
  if (s.isColumnNull(column)) {
    return std::nullopt;
  }
  return s.getColumn(column).getDouble();
}
inline std::optional<int> optional_int(const SQLite::Statement& s, int column) {
  if (s.isColumnNull(column)) {
    return std::nullopt;
  }
  return s.getColumn(column).getInt();
}

}  // namespace civic::db
