#include "cli/output.hpp"

#include <algorithm>

#include "core/util/csv.hpp"
#include "core/util/text.hpp"

namespace civic::cli {

std::string Palette::paint(const std::string& text, Style style) const {
  if (!enabled || style == Style::none || text.empty()) {
    return text;
  }
  const char* code = "";
  switch (style) {
    case Style::bold: code = "\033[1m"; break;
    case Style::dim: code = "\033[2m"; break;
    case Style::warn: code = "\033[33m"; break;
    case Style::bad: code = "\033[31m"; break;
    case Style::none: break;
  }
  return code + text + "\033[0m";
}

std::string render_table(const Table& table, const Palette& palette) {
  std::vector<std::size_t> widths(table.columns.size(), 0);
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    widths[c] = text::display_width(table.columns[c].header);
    for (const auto& row : table.rows) {
      if (c < row.size()) {
        widths[c] = std::max(widths[c], text::display_width(row[c].text));
      }
    }
  }
  std::string out = table.caption;
  const auto line = [&](const std::vector<Cell>& cells) {
    std::string text;
    for (std::size_t c = 0; c < widths.size(); ++c) {
      const Cell empty;
      const Cell& cell = c < cells.size() ? cells[c] : empty;
      text += palette.paint(cell.text, cell.style);
      if (c + 1 < widths.size()) {
        text += std::string(widths[c] - text::display_width(cell.text) + 2, ' ');
      }
    }
    while (!text.empty() && text.back() == ' ') {
      text.pop_back();
    }
    out += text + "\n";
  };
  std::vector<Cell> header;
  for (const auto& column : table.columns) {
    header.emplace_back(column.header, Style::bold);
  }
  line(header);
  for (const auto& row : table.rows) {
    line(row);
  }
  return out;
}

std::string render_csv(const Table& table) {
  std::vector<std::string> fields;
  for (const auto& column : table.columns) {
    fields.push_back(column.key);
  }
  std::string out = csv::format_row(fields);
  for (const auto& row : table.rows) {
    fields.clear();
    for (const auto& cell : row) {
      fields.push_back(cell.text);
    }
    fields.resize(table.columns.size());
    out += csv::format_row(fields);
  }
  return out;
}

void write_table_json(JsonWriter& json, const Table& table) {
  json.begin_array();
  for (const auto& row : table.rows) {
    json.begin_object();
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      json.field_or_null(table.columns[c].key, c < row.size() ? row[c].text : "");
    }
    json.end_object();
  }
  json.end_array();
}

std::string render_json(const JsonBody& body) {
  std::string out;
  JsonWriter json(out);
  body(json);
  return out + "\n";
}

namespace {

void stream_json(std::ostream& out, const JsonBody& body) {
  std::string buffer;
  JsonWriter json(buffer, [&out](std::string_view text) { out.write(text.data(), static_cast<std::streamsize>(text.size())); });
  body(json);
  out << buffer << "\n";
}

}  // namespace

void Output::emit(const Table& table) {
  emit(Listing{[&] { return table; }, nullptr, nullptr});
}

void Output::emit(const Listing& listing) {
  const auto flat = [&] { return listing.csv ? listing.csv() : listing.human(); };
  switch (m_format) {
    case Format::table: m_out << render_table(listing.human(), m_palette); break;
    case Format::csv: m_out << render_csv(flat()); break;
    case Format::json:
      if (listing.json) {
        stream_json(m_out, listing.json);
      } else {
        const auto table = flat();
        stream_json(m_out, [&](JsonWriter& json) { write_table_json(json, table); });
      }
      break;
  }
}

void Output::emit(const Record& record) {
  switch (m_format) {
    case Format::table: m_out << record.text(); break;
    case Format::csv: m_out << render_csv(record.csv()); break;
    case Format::json: stream_json(m_out, record.json); break;
  }
}

}  // namespace civic::cli
