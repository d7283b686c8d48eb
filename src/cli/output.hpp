#pragma once
// Data first, formatting last: commands build a Table (and, where nesting
// says more, a JSON document); Output prints it as table, JSON or CSV.
// Renderers return strings so they can be tested.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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
};

// One listing in every form: `human` for the table format, `csv` when the
// CSV should carry more columns than fit a terminal, `json` when nesting says
// more than a flat table.
struct Listing {
  Table human;
  std::optional<Table> csv;
  std::optional<nlohmann::ordered_json> json;
};

// What colour escapes to use: none unless writing to a terminal that wants them.
struct Palette {
  bool enabled = false;
  std::string paint(const std::string& text, Style style) const;
};

std::string render_table(const Table& table, const Palette& palette);
std::string render_csv(const Table& table);
// An array of objects keyed by column key; "" becomes null.
nlohmann::ordered_json table_to_json(const Table& table);
std::string render_json(const nlohmann::ordered_json& document);

class Output {
public:
  Output(std::ostream& out, Format format, Palette palette) : m_out(out), m_format(format), m_palette(palette) {}

  Format format() const { return m_format; }
  const Palette& palette() const { return m_palette; }

  // A plain listing: the same table in every format.
  void emit(const Table& table);
  void emit(const Listing& listing);
  // A single record: `text` for humans, `json`, and `csv` as a one-row table.
  void emit_record(const std::string& text, const nlohmann::ordered_json& json, const Table& csv);

private:
  std::ostream& m_out;
  Format m_format;
  Palette m_palette;
};

}  // namespace civic::cli
