#pragma once
// Listings from one column schema per entity: each column says once what
// it holds for a row (its text in the table and CSV, how it is written in
// JSON), and the schema says which columns each format shows, in order.
// The human table, the CSV and the JSON are all derived from it, so a
// column cannot mean one thing in one format and another elsewhere; JSON
// keys and CSV headers are the column keys.

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cli/output.hpp"
#include "core/util/csv.hpp"

namespace civic::cli {

template <class Row>
struct ColumnDef {
  using Cells = std::function<Cell(const Row&)>;
  using Json = std::function<void(JsonWriter&, const Row&)>;
  using Append = std::function<void(std::string&, const Row&)>;
  ColumnDef(std::string_view id_, std::string_view header_, Cells cell_, Json json_ = nullptr,
            std::string_view key_ = {}, Append append_ = nullptr)
      : id(id_), header(header_), cell(std::move(cell_)), json(std::move(json_)), key(key_), append(std::move(append_)) {}

  std::string_view id;      // how the schema's views name it, and its key unless `key` is given
  std::string_view header;  // in the human table
  Cells cell;               // the text (and style) in the table and the CSV
  Json json;                // how JSON writes it; null: the cell's text, or null when empty
  std::string_view key;     // the CSV header and JSON key, when it is not `id`;
                            // "-": JSON only, its writer adds fields of its own (an entity's, flattened)
  // The cell's text appended straight to a streamed CSV line, for a column
  // whose text never needs quoting (numbers, codes) on a listing of many
  // rows; the same text as `cell`.
  Append append;

  std::string_view output_key() const { return key.empty() ? id : key; }
};

template <class Row>
struct Schema {
  std::vector<ColumnDef<Row>> columns;
  std::vector<std::string_view> table;  // the human table's columns, by id, in order
  std::vector<std::string_view> csv = {};    // the CSV's; empty: the table's
  std::vector<std::string_view> json = {};   // each JSON object's; empty: the CSV's

  const ColumnDef<Row>& column(std::string_view id) const;
  const std::vector<std::string_view>& csv_view() const { return csv.empty() ? table : csv; }
  const std::vector<std::string_view>& json_view() const { return json.empty() ? csv_view() : json; }
};

// The columns of `view`, found once.
template <class Row>
std::vector<const ColumnDef<Row>*> columns_of(const Schema<Row>& schema, const std::vector<std::string_view>& view) {
  std::vector<const ColumnDef<Row>*> out;
  out.reserve(view.size());
  for (const auto id : view) {
    out.push_back(&schema.column(id));
  }
  return out;
}

template <class Row>
const ColumnDef<Row>& Schema<Row>::column(std::string_view id) const {
  for (const auto& c : columns) {
    if (c.id == id) {
      return c;
    }
  }
  throw std::logic_error("no column '" + std::string(id) + "' in the schema");
}

// The human table (headers) or the CSV (keys) of `rows`.
enum class TableKind { human, csv };
template <class Row, class Rows>
Table table_of(const Schema<Row>& schema, const Rows& rows, TableKind kind) {
  const auto columns = columns_of(schema, kind == TableKind::human ? schema.table : schema.csv_view());
  Table table;
  for (const auto* c : columns) {
    table.columns.push_back({std::string(c->output_key()), kind == TableKind::human ? std::string(c->header) : ""});
  }
  for (const auto& row : rows) {
    std::vector<Cell> cells;
    cells.reserve(columns.size());
    for (const auto* c : columns) {
      cells.push_back(c->cell(row));
    }
    table.rows.push_back(std::move(cells));
  }
  return table;
}

// A CSV line of `row` (the CSV view's columns, found with columns_of),
// appended to `out`: for listings written as their rows come.
template <class Row>
void append_csv_line(std::string& out, const std::vector<const ColumnDef<Row>*>& columns, const Row& row) {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) {
      out += ',';
    }
    if (columns[i]->append) {
      columns[i]->append(out, row);
    } else {
      csv::append_quoted(out, columns[i]->cell(row).text);
    }
  }
  out += '\n';
}

// One row as a JSON object's fields (the columns of the JSON view, found
// with columns_of), into an object the caller opened.
template <class Row>
void write_fields(JsonWriter& json, const std::vector<const ColumnDef<Row>*>& columns, const Row& row) {
  for (const auto* c : columns) {
    if (c->key == "-") {
      c->json(json, row);
      continue;
    }
    json.key(c->output_key());
    if (c->json) {
      c->json(json, row);
    } else {
      json.text_or_null(c->cell(row).text);
    }
  }
}

template <class Row>
void write_object(JsonWriter& json, const Schema<Row>& schema, const Row& row) {
  json.begin_object();
  write_fields(json, columns_of(schema, schema.json_view()), row);
  json.end_object();
}

template <class Row, class Rows>
void write_array(JsonWriter& json, const Schema<Row>& schema, const Rows& rows) {
  const auto columns = columns_of(schema, schema.json_view());
  json.begin_array();
  for (const auto& row : rows) {
    json.begin_object();
    write_fields<Row>(json, columns, row);
    json.end_object();
  }
  json.end_array();
}

// A listing of `rows`, which it refers to: emit it while they live.
template <class Row, class Rows>
Listing listing_of(const Schema<Row>& schema, const Rows& rows) {
  return Listing{[&schema, &rows] { return table_of(schema, rows, TableKind::human); },
                 [&schema, &rows] { return table_of(schema, rows, TableKind::csv); },
                 [&schema, &rows](JsonWriter& json) { write_array(json, schema, rows); }};
}

// The same for rows made for the listing, which it keeps.
template <class Row, class Rows>
Listing owned_listing(const Schema<Row>& schema, Rows rows) {
  auto kept = std::make_shared<const Rows>(std::move(rows));
  return Listing{[&schema, kept] { return table_of(schema, *kept, TableKind::human); },
                 [&schema, kept] { return table_of(schema, *kept, TableKind::csv); },
                 [&schema, kept](JsonWriter& json) { write_array(json, schema, *kept); }};
}

// One row: `card` is its readable text; CSV is a one-row table.
template <class Row>
Record record_of(const Schema<Row>& schema, const Row& row, std::function<std::string()> card) {
  return Record{std::move(card), [&schema, &row](JsonWriter& json) { write_object(json, schema, row); },
                [&schema, &row] { return table_of(schema, std::vector<std::reference_wrapper<const Row>>{row},
                                                  TableKind::csv); }};
}

// JSON writers for columns whose value is not text.
template <class Row, class Get>
std::function<void(JsonWriter&, const Row&)> json_value(Get get) {
  return [get](JsonWriter& json, const Row& row) { json.value(get(row)); };
}
// The text even when empty (a key that is never null).
template <class Row, class Get>
std::function<void(JsonWriter&, const Row&)> json_text(Get get) {
  return [get](JsonWriter& json, const Row& row) { json.value(std::string_view(get(row))); };
}
// An array of the strings `get` gives.
template <class Row, class Get>
std::function<void(JsonWriter&, const Row&)> json_strings(Get get) {
  return [get](JsonWriter& json, const Row& row) {
    json.begin_array();
    for (const auto& value : get(row)) {
      json.value(std::string_view(value));
    }
    json.end_array();
  };
}

}  // namespace civic::cli
