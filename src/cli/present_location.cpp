#include "cli/present_location.hpp"

#include <cmath>

#include <fmt/format.h>

#include "cli/present_official.hpp"
#include "cli/schema.hpp"
#include "core/util/text.hpp"

namespace civic::cli {
namespace {

std::string district_label(const geo::DistrictMatch& m) {
  return m.info->layer == "cd" ? geo::cd_label(m.info->state, m.info->geoid) : m.info->state + " " + m.info->district;
}

// A ZIP code cannot tell the state legislative districts.
enum class Known { no, yes };
Known known(bool legislative_known) { return legislative_known ? Known::yes : Known::no; }

std::string districts_text(const std::vector<geo::DistrictMatch>& matches, Known known) {
  if (known == Known::no) {
    return "unknown from a ZIP code alone";
  }
  if (matches.empty()) {
    return "none";
  }
  std::vector<std::string> parts;
  for (const auto& m : matches) {
    parts.push_back(district_label(m) + " (" + m.info->name + (m.nearest_only ? ", nearest" : "") + ")");
  }
  return text::join(parts, "; ");
}

std::string source_text(const geo::Location& location) {
  switch (location.source) {
    case geo::PointSource::input: return "coordinates as given";
    case geo::PointSource::zip: return "ZIP code " + location.zip + " (no point: every district the ZIP touches)";
    case geo::PointSource::census:
      return "the Census Geocoder" + (location.census ? ": " + location.census->matched_address : std::string());
  }
  return "";
}

const Schema<geo::DistrictMatch>& match_schema() {
  using M = geo::DistrictMatch;
  static const Schema<M> schema{
      {
          {"layer", "", [](const M& m) { return Cell(m.info->layer); }, json_text<M>([](const M& m) { return m.info->layer; })},
          {"geoid", "", [](const M& m) { return Cell(m.info->geoid); }, json_text<M>([](const M& m) { return m.info->geoid; })},
          {"label", "", [](const M& m) { return Cell(district_label(m)); }, json_text<M>(district_label)},
          {"division_id", "", [](const M& m) { return Cell(m.info->division_id); },
           json_text<M>([](const M& m) { return m.info->division_id; })},
          {"name", "", [](const M& m) { return Cell(m.info->name); }, json_text<M>([](const M& m) { return m.info->name; })},
          {"vintage", "", [](const M& m) { return Cell(m.info->vintage); }},
          {"nearest_only", "", [](const M&) { return Cell(); }, json_value<M>([](const M& m) { return m.nearest_only; })},
          // null: farther than the cell margin (or unknown, from a ZIP code)
          {"edge_distance_m", "", [](const M&) { return Cell(); },
           json_value<M>([](const M& m) { return std::round(m.edge_distance_m * 10) / 10; })},
      },
      {},
      {},
      {"layer", "geoid", "label", "division_id", "name", "vintage", "nearest_only", "edge_distance_m"},
  };
  return schema;
}

void write_census(JsonWriter& json, const std::optional<geo::CensusMatch>& census) {
  if (!census) {
    json.null();
    return;
  }
  const auto strings = [&json](const char* key, const std::vector<std::string>& values) {
    json.key(key).begin_array();
    for (const auto& v : values) {
      json.value(v);
    }
    json.end_array();
  };
  json.begin_object()
      .field("matched_address", census->matched_address)
      .field_or_null("match_type", census->match_type)
      .field("candidates", census->candidates)
      .field("from_cache", census->from_cache);
  strings("cd", census->cd);
  strings("sldu", census->sldu);
  strings("sldl", census->sldl);
  json.end_object();
}

// The layers' datasets, for --explain.
std::vector<std::string> explain_lines(const geo::Location& location, const ExplainData& explain) {
  std::vector<std::string> lines;
  lines.push_back("point: " + source_text(location));
  if (location.census) {
    const auto& c = *location.census;
    lines.push_back(fmt::format("Census Geocoder: benchmark {}, vintage {}{}{}", geo::k_census_benchmark,
                                geo::k_census_vintage, c.match_type.empty() ? "" : ", match " + c.match_type,
                                c.from_cache ? ", answer from the cache" : ""));
    if (!c.cd.empty() || !c.sldu.empty() || !c.sldl.empty()) {
      const bool agree = c.cd == std::vector<std::string>{location.cd.empty() ? "" : location.cd.front().info->geoid};
      lines.push_back("the Census names CD " + text::join(c.cd, ";") + ", upper " + text::join(c.sldu, ";") +
                      ", lower " + text::join(c.sldl, ";") + (agree ? " (its congressional district agrees)" :
                                                                      " (its congressional district differs)"));
    }
  }
  for (const auto& d : explain) {
    if (d.name == "tiger-cd-119" || d.name == "tiger-sld-2024" || (d.name == "zcta-cd-119" && !location.point) ||
        d.name == "openstates-geo") {
      lines.push_back(fmt::format("{}: {}{}, as of {}", d.name, d.title,
                                  d.version.empty() ? "" : " @ " + d.version.substr(0, 8),
                                  d.version_date.empty() ? d.retrieved_at.substr(0, 10) : d.version_date));
    }
  }
  if (location.nearest_edge_m) {
    lines.push_back(fmt::format("nearest district edge: {:.0f} m (near a boundary under {:.0f} m with another "
                                "district across it)",
                                *location.nearest_edge_m, geo::k_near_boundary_m));
  } else if (location.point) {
    lines.push_back(fmt::format("nearest district edge: more than {:.0f} m away", geo::k_cell_margin_m));
  }
  return lines;
}

// A location as listings show it, with what --explain adds.
struct LocationLine {
  const geo::Location& location;
  const ExplainData& explain;
};

std::string fixed(const std::optional<double>& value, const char* format) {
  return value ? fmt::format(fmt::runtime(format), *value) : "";
}

std::vector<ColumnDef<LocationLine>> location_columns() {
  using L = LocationLine;
  const auto point = [](double geo::LatLon::*coordinate) {
    return [coordinate](const L& l) {
      return l.location.point ? std::optional<double>((*l.location.point).*coordinate) : std::nullopt;
    };
  };
  const auto geoids = [](std::vector<geo::DistrictMatch> geo::Location::*layer, bool always_known) {
    const auto known = [always_known](const L& l) { return always_known || l.location.legislative_known; };
    return ColumnDef<L>("", "", [layer, known](const L& l) { return Cell(known(l) ? joined_geoids(l.location.*layer) : ""); },
                        [layer, known](JsonWriter& json, const L& l) {
                          if (!known(l)) {
                            json.null();
                            return;
                          }
                          json.begin_array();
                          for (const auto& m : l.location.*layer) {
                            json.value(m.info->geoid);
                          }
                          json.end_array();
                        });
  };
  const auto matches = [](std::string_view id, std::vector<geo::DistrictMatch> geo::Location::*layer) {
    return ColumnDef<L>(id, "", [](const L&) { return Cell(); },
                        [layer](JsonWriter& json, const L& l) { write_array(json, match_schema(), l.location.*layer); });
  };
  const auto with_id = [](ColumnDef<L> column, std::string_view id) {
    column.id = id;
    return column;
  };
  return {
      {"input", "", [](const L& l) { return Cell(l.location.input); }, json_text<L>([](const L& l) { return l.location.input; })},
      {"lat", "", [point](const L& l) { return Cell(fixed(point(&geo::LatLon::lat)(l), "{:.6f}")); },
       json_value<L>(point(&geo::LatLon::lat))},
      {"lon", "", [point](const L& l) { return Cell(fixed(point(&geo::LatLon::lon)(l), "{:.6f}")); },
       json_value<L>(point(&geo::LatLon::lon))},
      {"source", "", [](const L& l) { return Cell(std::string(geo::to_string(l.location.source))); },
       json_value<L>([](const L& l) { return geo::to_string(l.location.source); })},
      {"state", "", [](const L& l) { return Cell(l.location.state); }},
      with_id(geoids(&geo::Location::cd, true), "cd"),
      with_id(geoids(&geo::Location::sldu, false), "sldu"),
      with_id(geoids(&geo::Location::sldl, false), "sldl"),
      {"near_boundary", "", [](const L& l) { return Cell(l.location.near_boundary ? "true" : "false"); },
       json_value<L>([](const L& l) { return l.location.near_boundary; })},
      {"nearest_edge_m", "", [](const L& l) { return Cell(fixed(l.location.nearest_edge_m, "{:.1f}")); },
       json_value<L>([](const L& l) {
         return l.location.nearest_edge_m ? std::optional(std::round(*l.location.nearest_edge_m * 10) / 10)
                                          : std::nullopt;
       })},
      {"legislative_known", "", [](const L&) { return Cell(); },
       json_value<L>([](const L& l) { return l.location.legislative_known; })},
      matches("districts", &geo::Location::cd),
      matches("upper_districts", &geo::Location::sldu),
      matches("lower_districts", &geo::Location::sldl),
      matches("other_states", &geo::Location::other_states),
      {"census", "", [](const L&) { return Cell(); }, [](JsonWriter& json, const L& l) { write_census(json, l.location.census); }},
      {"notes", "", [](const L& l) { return Cell(text::join(l.location.notes, "; ")); },
       json_strings<L>([](const L& l) { return l.location.notes; })},
      {"explain", "", [](const L&) { return Cell(); },
       json_strings<L>([](const L& l) { return explain_lines(l.location, l.explain); })},
  };
}

const Schema<LocationLine>& location_schema(const ExplainData& explain) {
  static const std::vector<std::string_view> k_csv = {"input", "lat",  "lon",           "source",         "state", "cd",
                                                      "sldu",  "sldl", "near_boundary", "nearest_edge_m", "notes"};
  static const std::vector<std::string_view> k_json = {
      "input", "lat", "lon", "source", "state", "cd", "sldu", "sldl", "near_boundary", "nearest_edge_m",
      "legislative_known", "districts", "upper_districts", "lower_districts", "other_states", "census", "notes"};
  static const Schema<LocationLine> plain{location_columns(), {}, k_csv, k_json};
  static const Schema<LocationLine> explained{location_columns(), {}, k_csv, [] {
                                                auto view = k_json;
                                                view.emplace_back("explain");
                                                return view;
                                              }()};
  return explain.empty() ? plain : explained;
}

}  // namespace

std::string joined_geoids(const std::vector<geo::DistrictMatch>& matches) {
  std::string ids;
  for (const auto& m : matches) {
    if (!ids.empty()) {
      ids += ';';
    }
    ids += m.info->geoid;
  }
  return ids;
}

void write_location_fields(JsonWriter& json, const geo::Location& location, const ExplainData& explain) {
  const auto& schema = location_schema(explain);
  write_fields(json, columns_of(schema, schema.json_view()), LocationLine{location, explain});
}

std::string location_text(const geo::Location& location, const Palette& palette, const ExplainData& explain) {
  std::string out = palette.paint(location.input, Style::bold) + "\n";
  const auto line = [&](const char* label, const std::string& value) {
    out += fmt::format("  {:<14} {}\n", label, value);
  };
  line("point", location.point ? geo::format_latlon(*location.point) + " (" + source_text(location) + ")"
                               : source_text(location));
  line("congress", districts_text(location.cd, Known::yes));
  line("state upper", districts_text(location.sldu, known(location.legislative_known)));
  line("state lower", districts_text(location.sldl, known(location.legislative_known)));
  std::string near = location.near_boundary ? palette.paint("yes", Style::warn) : std::string("no");
  if (location.nearest_edge_m) {
    near += fmt::format(" (nearest district edge {:.0f} m)", *location.nearest_edge_m);
  } else if (location.point && !location.cd.empty()) {
    near += fmt::format(" (every district edge is more than {:.0f} m away)", geo::k_cell_margin_m);
  }
  line("near boundary", near);
  for (const auto& note : location.notes) {
    out += "  " + palette.paint("note:", Style::dim) + " " + note + "\n";
  }
  if (!explain.empty()) {
    out += palette.paint("How this was found", Style::bold) + "\n";
    for (const auto& text : explain_lines(location, explain)) {
      out += "  " + text + "\n";
    }
  }
  return out;
}

Record location_record(const geo::Location& location, const Palette& palette, const ExplainData& explain) {
  const LocationLine line{location, explain};
  return Record{[line, palette] { return location_text(line.location, palette, line.explain); },
                [line](JsonWriter& json) { write_object(json, location_schema(line.explain), line); },
                [line] { return table_of(location_schema(line.explain), std::vector<LocationLine>{line}, TableKind::csv); }};
}

Listing located_seats_listing(const geo::Location& location, const std::vector<reps::LocatedSeat>& seats,
                              Date today, const Palette& palette, const ExplainData& explain) {
  return Listing{[&location, &seats, today, palette, &explain] {
                   auto table = located_seats_table(seats, today, TableKind::human);
                   // The place comes first, as the table's caption.
                   table.caption = location_text(location, palette, explain);
                   return table;
                 },
                 [&seats, today] { return located_seats_table(seats, today, TableKind::csv); },
                 [&location, &seats, today, &explain](JsonWriter& json) {
                   json.begin_object();
                   write_location_fields(json, location, explain);
                   json.key("seats");
                   write_located_seats(json, seats, today);
                   json.end_object();
                 }};
}

}  // namespace civic::cli
