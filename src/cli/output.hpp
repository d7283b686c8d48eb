#pragma once
// Data first, formatting last: commands describe their result once, in
// every form, and Output prints the one asked for. Each form is built
// only when asked for, so a big JSON listing never builds a table too.
// Renderers return strings so they can be tested.

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "core/util/json_writer.hpp"

namespace civic::cli {

enum class Format { table, json, csv };
enum class Style { none, bold, dim, warn, bad };

struct Cell {
  std::string text;
  Style style = Style::none;

  Cell() = default;
  Cell(std::string t, Style s = Style::none) : text(std::move(t)), style(s) {}  // NOLINT: implicit from text
  Cell(const char* t) : text(t) {}                                              // NOLINT
};

struct Column {
  std::string key;     // snake_case: the CSV header and JSON key
  std::string header;  // the human table's header
};

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  std::string caption;  // printed above a human table, as it is
};

using JsonBody = std::function<void(JsonWriter&)>;

// A listing: `human` for the table format; `csv` when the CSV carries more
// columns than fit a terminal (default: human); `json` when nesting says
// more than a flat table (default: the CSV table as an array of objects).
struct Listing {
  std::function<Table()> human;
  std::function<Table()> csv;
  JsonBody json;
};

// A single record: readable text, JSON, and a one-row CSV table.
struct Record {
  std::function<std::string()> text;
  JsonBody json;
  std::function<Table()> csv;
};

// What colour escapes to use: none unless writing to a terminal that wants them.
struct Palette {
  bool enabled = false;
  std::string paint(const std::string& text, Style style) const;
};

std::string render_table(const Table& table, const Palette& palette);
std::string render_csv(const Table& table);
// An array of objects keyed by column key; "" becomes null.
void write_table_json(JsonWriter& json, const Table& table);
std::string render_json(const JsonBody& body);

class Output {
public:
  Output(std::ostream& out, Format format, Palette palette) : m_out(out), m_format(format), m_palette(palette) {}

  Format format() const { return m_format; }
  const Palette& palette() const { return m_palette; }

  // A plain listing: the same table in every format.
  void emit(const Table& table);
  void emit(const Listing& listing);
  void emit(const Record& record);

private:
  std::ostream& m_out;
  Format m_format;
  Palette m_palette;
};

}  // namespace civic::cli
