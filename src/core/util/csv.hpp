#pragma once
// CSV (RFC 4180) reading through libcsv, with the physical line number of
// each record so bad rows can be reported as file:line; and CSV writing.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace civic::csv {

struct Record {
  std::size_t line = 0;  // physical line where the record starts, 1-based
  std::vector<std::string> fields;
};

// Calls `on_record` for every record in `data`, header included. Throws
// civic::Error naming `source_name` and the line on malformed input.
void read(std::string_view data, const std::string& source_name,
          const std::function<void(Record&&)>& on_record);

// A file whose first record is the header, record by record: `on_header`
// gets the column names (trimmed), `on_row` every later record but blank
// lines. What Table::parse keeps, without keeping it.
void read_table(std::string_view data, const std::string& source_name,
                const std::function<void(std::vector<std::string>&&)>& on_header,
                const std::function<void(Record&&)>& on_row);

// A parsed file whose first record is the header.
class Table {
public:
  static Table parse(std::string_view data, const std::string& source_name);

  const std::vector<std::string>& header() const { return m_header; }
  const std::vector<Record>& rows() const { return m_rows; }
  std::optional<std::size_t> column(std::string_view name) const;
  // The index of a column that must exist; throws naming the file and column.
  std::size_t require_column(std::string_view name) const;
  // The field, or "" when the row is short.
  static const std::string& field(const Record& row, std::size_t column);

private:
  std::string m_source;
  std::vector<std::string> m_header;
  std::vector<Record> m_rows;
};

std::string quote(std::string_view field);
// The same, appended to `out`.
void append_quoted(std::string& out, std::string_view field);
std::string format_row(const std::vector<std::string>& fields);  // ends with "\n"

}  // namespace civic::csv
