#pragma once
// The one error type that unwinds a command, the exit codes, and the
// per-item Problem that bulk work collects instead of throwing.

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace civic {

enum class ExitCode : int {
  ok = 0,
  failure = 1,       // runtime: I/O, network, database, bad data
  usage = 2,         // bad flags or arguments, invalid configuration value
  partial = 3,       // bulk work finished but some items failed
  interrupted = 130  // SIGINT
};

constexpr int to_int(ExitCode code) { return static_cast<int>(code); }

// Thrown to abort the current command; caught in exactly one place, cli::run().
class Error : public std::runtime_error {
public:
  explicit Error(const std::string& message, ExitCode code = ExitCode::failure);

  // Adds an outer "while ..." line; printed innermost first.
  Error& context(std::string line);
  // A suggestion for the user ("run 'civic data update'").
  Error& hint(std::string text);

  ExitCode code() const { return m_code; }
  const std::vector<std::string>& contexts() const { return m_contexts; }
  const std::string& hint_text() const { return m_hint; }

private:
  ExitCode m_code;
  std::vector<std::string> m_contexts;
  std::string m_hint;
};

// Shorthand for the usage errors that name a bad flag or value.
Error usage_error(const std::string& message);

// One failed item in bulk work, collected and reported together: where it
// is (a file, a dataset's record), what went wrong, and for a row of a CSV
// (a campaign's supporters) its line, its id and the column at fault.
struct Problem {
  Problem(std::string where_, std::string message_, std::size_t line_ = 0, std::string item_ = {},
          std::string column_ = {})
      : where(std::move(where_)),
        message(std::move(message_)),
        line(line_),
        item(std::move(item_)),
        column(std::move(column_)) {}

  std::string where;
  std::string message;
  std::size_t line = 0;
  std::string item;
  std::string column;
};

// "where:line: item: column 'c': message", each part when known.
std::string to_string(const Problem& problem);

}  // namespace civic
