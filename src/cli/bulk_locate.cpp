#include "cli/bulk_locate.hpp"

#include <charconv>

#include <fmt/format.h>

#include "cli/place.hpp"
#include "cli/present_location.hpp"
#include "cli/runtime.hpp"
#include "core/geo/bulk.hpp"
#include "core/util/csv.hpp"
#include "core/util/files.hpp"
#include "core/util/text.hpp"

namespace civic::cli {
namespace {

constexpr std::size_t k_problems_shown = 20;

const std::vector<std::string> k_columns = {"id",  "lat",           "lon",    "cd",    "sldu",
                                            "sldl", "near_boundary", "source", "state", "error"};

void append_degrees(std::string& out, double value) {
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 6);
  out.append(buffer, ec == std::errc() ? end : buffer);
}

void append_geoids(std::string& out, const std::vector<geo::DistrictMatch>& matches) {
  for (std::size_t i = 0; i < matches.size(); ++i) {
    if (i > 0) {
      out += ';';
    }
    out += matches[i].info->geoid;
  }
}

// One CSV line, written straight into `out` (this runs once per input row).
void append_csv_row(std::string& out, const geo::BulkRow& row) {
  out += csv::quote(row.id);
  if (!row.location) {
    out += ",,,,,,,,,";
    out += csv::quote(row.error);
    out += '\n';
    return;
  }
  const auto& l = *row.location;
  out += ',';
  if (l.point) {
    append_degrees(out, l.point->lat);
    out += ',';
    append_degrees(out, l.point->lon);
  } else {
    out += ',';
  }
  out += ',';
  append_geoids(out, l.cd);
  out += ',';
  if (l.legislative_known) {
    append_geoids(out, l.sldu);
  }
  out += ',';
  if (l.legislative_known) {
    append_geoids(out, l.sldl);
  }
  out += l.near_boundary ? ",true," : ",false,";
  out += geo::to_string(l.source);
  out += ',';
  out += l.state;
  out += ",\n";
}

std::vector<std::string> csv_cells(const geo::BulkRow& row) {
  std::string line;
  append_csv_row(line, row);
  line.pop_back();
  std::vector<std::string> cells;
  csv::read(line, "row", [&](csv::Record&& record) { cells = std::move(record.fields); });
  cells.resize(k_columns.size());
  return cells;
}

// Writes rows as they come: CSV and JSON stream; a table waits for widths.
class RowWriter {
public:
  explicit RowWriter(Runtime& rt) : m_rt(rt), m_json(m_buffer) {
    if (format() == Format::csv) {
      rt.out() << csv::format_row(k_columns);
    } else if (format() == Format::json) {
      m_json.begin_array();
    }
  }

  void write(const geo::BulkRow& row) {
    switch (format()) {
      case Format::csv:
        append_csv_row(m_buffer, row);
        if (m_buffer.size() > 64 * 1024) {
          m_rt.out() << m_buffer;
          m_buffer.clear();
        }
        break;
      case Format::json:
        m_json.begin_object().field("id", row.id).field("line", static_cast<long long>(row.line));
        if (row.location) {
          write_location_fields(m_json, *row.location, {});
        }
        m_json.field_or_null("error", row.error).end_object();
        m_rt.out() << m_buffer;
        m_buffer.clear();
        break;
      case Format::table: {
        std::vector<Cell> cells;
        for (auto& cell : csv_cells(row)) {
          cells.emplace_back(std::move(cell));
        }
        if (!row.error.empty()) {
          cells.back().style = Style::bad;
        }
        m_table.rows.push_back(std::move(cells));
        break;
      }
    }
  }

  void finish() {
    if (format() == Format::csv) {
      m_rt.out() << m_buffer;
    } else if (format() == Format::json) {
      m_json.end_array();
      m_rt.out() << m_buffer << "\n";
    } else if (format() == Format::table) {
      for (const auto& key : k_columns) {
        m_table.columns.push_back({key, text::upper(key)});
      }
      m_rt.output().emit(m_table);
    }
    m_rt.out().flush();
  }

private:
  Format format() const { return m_rt.output().format(); }

  Runtime& m_rt;
  std::string m_buffer;
  JsonWriter m_json;
  Table m_table;
};

}  // namespace

int run_bulk_locate(const std::string& file, const PlaceOptions& place, Runtime& rt) {
  const auto content = read_file(file);
  const auto geocoder = place.offline ? nullptr : make_geocoder(rt, place.no_cache ? GeocoderCache::skip : GeocoderCache::use);
  auto options = bulk_options(rt, geocoder.get());
  options.progress = [&rt](const geo::BulkProgress& p) {
    rt.progress(fmt::format("locating: {}/{} rows{}", p.rows_done, p.rows_total,
                            p.batches_total == 0
                                ? std::string()
                                : fmt::format(", {}/{} geocoder batches", p.batches_done, p.batches_total)));
  };
  RowWriter writer(rt);
  std::vector<std::string> problems;
  const auto summary = geo::locate_rows(geo::read_place_queries(content, file), options, rt.env().cancel,
                                        [&](geo::BulkRow&& row) {
                                          if (!row.error.empty()) {
                                            problems.push_back(fmt::format("{}:{}: row {}: {}", file, row.line,
                                                                           row.id, row.error));
                                          }
                                          writer.write(row);
                                        });
  writer.finish();
  rt.end_progress();
  for (std::size_t i = 0; i < std::min(problems.size(), k_problems_shown); ++i) {
    rt.warn(problems[i]);
  }
  if (problems.size() > k_problems_shown) {
    rt.warn(fmt::format("... and {} more rows failed (see the error column)", problems.size() - k_problems_shown));
  }
  rt.note(fmt::format("{} rows, {} located, {} failed", summary.rows, summary.rows - summary.failed, summary.failed));
  if (summary.failed == 0) {
    return to_int(ExitCode::ok);
  }
  return to_int(summary.failed == summary.rows ? ExitCode::failure : ExitCode::partial);
}

}  // namespace civic::cli
