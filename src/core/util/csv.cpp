#include "core/util/csv.hpp"

#include <algorithm>

#include <csv.h>

#include "core/error.hpp"
#include "core/util/text.hpp"

namespace civic::csv {
namespace {

struct Parser {
  std::size_t current_line = 0;
  Record record;
  bool in_record = false;
  const std::function<void(Record&&)>* sink = nullptr;

  static void on_field(void* data, std::size_t size, void* self_ptr) {
    auto* self = static_cast<Parser*>(self_ptr);
    if (!self->in_record) {
      self->in_record = true;
      self->record.line = self->current_line;
    }
    self->record.fields.emplace_back(static_cast<const char*>(data), size);
  }

  static void on_row(int /*terminator*/, void* self_ptr) {
    auto* self = static_cast<Parser*>(self_ptr);
    if (!self->in_record) {
      self->record.line = self->current_line;
    }
    const auto width = self->record.fields.size();
    (*self->sink)(std::move(self->record));
    self->record = Record{};
    self->record.fields.reserve(width);  // the next record is most likely as wide
    self->in_record = false;
  }
};

class LibCsv {
public:
  LibCsv() {
    if (csv_init(&m_parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
      throw Error("cannot initialise the CSV parser");
    }
  }
  ~LibCsv() { csv_free(&m_parser); }
  LibCsv(const LibCsv&) = delete;
  LibCsv& operator=(const LibCsv&) = delete;
  csv_parser* get() { return &m_parser; }

private:
  csv_parser m_parser{};
};

}  // namespace

void read(std::string_view data, const std::string& source_name,
          const std::function<void(Record&&)>& on_record) {
  if (data.substr(0, 3) == "\xEF\xBB\xBF") {
    data.remove_prefix(3);
  }
  LibCsv parser;
  Parser state;
  state.sink = &on_record;
  const auto fail = [&] {
    throw Error(source_name + ":" + std::to_string(state.current_line) + ": malformed CSV (" +
                csv_strerror(csv_error(parser.get())) + ")")
        .hint("check the quoting on that line: a field with a comma, quote or line break must be in double quotes");
  };
  // Feed one physical line at a time so each record knows where it starts.
  std::size_t pos = 0;
  while (pos < data.size()) {
    ++state.current_line;
    auto end = data.find('\n', pos);
    end = end == std::string_view::npos ? data.size() : end + 1;
    const auto line = data.substr(pos, end - pos);
    if (csv_parse(parser.get(), line.data(), line.size(), Parser::on_field, Parser::on_row, &state) != line.size()) {
      fail();
    }
    pos = end;
  }
  if (csv_fini(parser.get(), Parser::on_field, Parser::on_row, &state) != 0) {
    fail();
  }
}

void read_table(std::string_view data, const std::string& source_name,
                const std::function<void(std::vector<std::string>&&)>& on_header,
                const std::function<void(Record&&)>& on_row) {
  bool first = true;
  read(data, source_name, [&](Record&& record) {
    if (first) {
      for (auto& name : record.fields) {
        name = std::string(text::trim(name));
      }
      on_header(std::move(record.fields));
      first = false;
    } else if (!(record.fields.size() == 1 && record.fields[0].empty()) && !record.fields.empty()) {
      on_row(std::move(record));
    }
  });
}

Table Table::parse(std::string_view data, const std::string& source_name) {
  Table table;
  table.m_source = source_name;
  table.m_rows.reserve(static_cast<std::size_t>(std::count(data.begin(), data.end(), '\n')));
  read_table(
      data, source_name, [&](std::vector<std::string>&& header) { table.m_header = std::move(header); },
      [&](Record&& record) { table.m_rows.push_back(std::move(record)); });
  return table;
}

std::optional<std::size_t> Table::column(std::string_view name) const {
  for (std::size_t i = 0; i < m_header.size(); ++i) {
    if (m_header[i] == name) {
      return i;
    }
  }
  return std::nullopt;
}

std::size_t Table::require_column(std::string_view name) const {
  if (auto index = column(name)) {
    return *index;
  }
  auto error = Error(m_source + ":1: missing column '" + std::string(name) + "'");
  if (auto suggestion = text::closest_match(name, m_header)) {
    error.hint("did you mean '" + *suggestion + "'?");
  }
  throw error;
}

const std::string& Table::field(const Record& row, std::size_t column) {
  static const std::string k_empty;
  return column < row.fields.size() ? row.fields[column] : k_empty;
}

std::string quote(std::string_view field) {
  std::string out;
  append_quoted(out, field);
  return out;
}

void append_quoted(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') {
      out += '"';
    }
    out += c;
  }
  out += '"';
}

std::string format_row(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) {
      out += ',';
    }
    out += quote(fields[i]);
  }
  out += "\n";
  return out;
}

}  // namespace civic::csv
