#include "cli/bulk_locate.hpp"

#include <charconv>

#include <fmt/format.h>

#include "cli/place.hpp"
#include "cli/present_location.hpp"
#include "cli/runtime.hpp"
#include "cli/schema.hpp"
#include "core/geo/bulk.hpp"
#include "core/util/csv.hpp"
#include "core/util/files.hpp"
#include "core/util/text.hpp"

namespace civic::cli {
namespace {

constexpr std::size_t k_problems_shown = 20;

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

// A located row's text: what `append` writes of its location, "" for a row that failed.
template <class Append>
ColumnDef<geo::BulkRow> located_column(std::string_view id, std::string_view header, Append append) {
  const auto write = [append](std::string& out, const geo::BulkRow& row) {
    if (row.location) {
      append(out, *row.location);
    }
  };
  return {id, header,
          [write](const geo::BulkRow& row) {
            std::string text;
            write(text, row);
            return Cell(std::move(text));
          },
          nullptr, {}, write};
}

const Schema<geo::BulkRow>& row_schema() {
  using R = geo::BulkRow;
  using L = geo::Location;
  using geo::LatLon;
  const auto coordinate = [](double LatLon::*c) {
    return [c](std::string& out, const L& l) {
      if (l.point) {
        append_degrees(out, (*l.point).*c);
      }
    };
  };
  const auto layer = [](std::vector<geo::DistrictMatch> L::*matches, bool always_known) {
    return [matches, always_known](std::string& out, const L& l) {
      if (always_known || l.legislative_known) {
        append_geoids(out, l.*matches);
      }
    };
  };
  static const Schema<R> schema{
      {
          {"id", "ID", [](const R& r) { return Cell(r.id); }, json_text<R>([](const R& r) { return r.id; })},
          {"line", "", [](const R&) { return Cell(); }, json_value<R>([](const R& r) { return static_cast<long long>(r.line); })},
          located_column("lat", "LAT", coordinate(&LatLon::lat)),
          located_column("lon", "LON", coordinate(&LatLon::lon)),
          located_column("cd", "CD", layer(&L::cd, true)),
          located_column("sldu", "SLDU", layer(&L::sldu, false)),
          located_column("sldl", "SLDL", layer(&L::sldl, false)),
          located_column("near_boundary", "NEAR_BOUNDARY",
                         [](std::string& out, const L& l) { out += l.near_boundary ? "true" : "false"; }),
          located_column("source", "SOURCE", [](std::string& out, const L& l) { out += geo::to_string(l.source); }),
          located_column("state", "STATE", [](std::string& out, const L& l) { out += l.state; }),
          {"location", "", [](const R&) { return Cell(); },
           [](JsonWriter& json, const R& r) {
             if (r.location) {
               write_location_fields(json, *r.location, {});
             }
           },
           "-"},
          {"error", "ERROR", [](const R& r) { return Cell(r.error, r.error.empty() ? Style::none : Style::bad); }},
      },
      {"id", "lat", "lon", "cd", "sldu", "sldl", "near_boundary", "source", "state", "error"},
      {},
      {"id", "line", "location", "error"},
  };
  return schema;
}

// Writes rows as they come: CSV and JSON stream; a table waits for widths.
class RowWriter {
public:
  explicit RowWriter(Runtime& rt)
      : m_rt(rt),
        m_json(m_buffer),
        m_csv_columns(columns_of(row_schema(), row_schema().csv_view())),
        m_json_columns(columns_of(row_schema(), row_schema().json_view())) {
    if (format() == Format::csv) {
      rt.out() << render_csv(table_of(row_schema(), std::vector<geo::BulkRow>{}, TableKind::csv));
    } else if (format() == Format::json) {
      m_json.begin_array();
    }
  }

  void write(geo::BulkRow&& row) {
    switch (format()) {
      case Format::csv:
        append_csv_line(m_buffer, m_csv_columns, row);
        if (m_buffer.size() > 64 * 1024) {
          m_rt.out() << m_buffer;
          m_buffer.clear();
        }
        break;
      case Format::json:
        m_json.begin_object();
        write_fields(m_json, m_json_columns, row);
        m_json.end_object();
        m_rt.out() << m_buffer;
        m_buffer.clear();
        break;
      case Format::table: m_rows.push_back(std::move(row)); break;
    }
  }

  void finish() {
    if (format() == Format::csv) {
      m_rt.out() << m_buffer;
    } else if (format() == Format::json) {
      m_json.end_array();
      m_rt.out() << m_buffer << "\n";
    } else if (format() == Format::table) {
      m_rt.output().emit(table_of(row_schema(), m_rows, TableKind::human));
    }
    m_rt.out().flush();
  }

private:
  Format format() const { return m_rt.output().format(); }

  Runtime& m_rt;
  std::string m_buffer;
  JsonWriter m_json;
  std::vector<const ColumnDef<geo::BulkRow>*> m_csv_columns;
  std::vector<const ColumnDef<geo::BulkRow>*> m_json_columns;
  std::vector<geo::BulkRow> m_rows;  // for the table
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
  geo::start_loading_index(options);
  const auto summary = geo::locate_rows(geo::read_place_queries(content, file), options, rt.env().cancel,
                                        [&](geo::BulkRow&& row) {
                                          if (!row.error.empty()) {
                                            problems.push_back(fmt::format("{}:{}: row {}: {}", file, row.line,
                                                                           row.id, row.error));
                                          }
                                          writer.write(std::move(row));
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
