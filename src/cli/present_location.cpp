#include "cli/present_location.hpp"

#include <cmath>

#include <fmt/format.h>

#include "cli/present_official.hpp"
#include "core/util/text.hpp"

namespace civic::cli {
namespace {

std::string district_label(const geo::DistrictMatch& m) {
  return m.info->layer == "cd" ? geo::cd_label(m.info->state, m.info->geoid) : m.info->state + " " + m.info->district;
}

std::string districts_text(const std::vector<geo::DistrictMatch>& matches, bool known) {
  if (!known) {
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

void write_matches(JsonWriter& json, const char* key, const std::vector<geo::DistrictMatch>& matches) {
  json.key(key).begin_array();
  for (const auto& m : matches) {
    json.begin_object()
        .field("layer", m.info->layer)
        .field("geoid", m.info->geoid)
        .field("label", district_label(m))
        .field("division_id", m.info->division_id)
        .field("name", m.info->name)
        .field_or_null("vintage", m.info->vintage)
        .field("nearest_only", m.nearest_only);
    // null: farther than the cell margin (or unknown, from a ZIP code)
    json.field("edge_distance_m", std::round(m.edge_distance_m * 10) / 10);
    json.end_object();
  }
  json.end_array();
}

void write_geoid_list(JsonWriter& json, const char* key, const std::vector<geo::DistrictMatch>& matches, bool known) {
  json.key(key);
  if (!known) {
    json.null();
    return;
  }
  json.begin_array();
  for (const auto& m : matches) {
    json.value(m.info->geoid);
  }
  json.end_array();
}

void write_strings(JsonWriter& json, const char* key, const std::vector<std::string>& values) {
  json.key(key).begin_array();
  for (const auto& v : values) {
    json.value(v);
  }
  json.end_array();
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

}  // namespace

std::string joined_geoids(const std::vector<geo::DistrictMatch>& matches) {
  std::vector<std::string> ids;
  for (const auto& m : matches) {
    ids.push_back(m.info->geoid);
  }
  return text::join(ids, ";");
}

void write_location_fields(JsonWriter& json, const geo::Location& location, const ExplainData& explain) {
  json.field("input", location.input);
  json.key("lat");
  location.point ? json.value(location.point->lat) : json.null();
  json.key("lon");
  location.point ? json.value(location.point->lon) : json.null();
  json.field("source", geo::to_string(location.source)).field_or_null("state", location.state);
  write_geoid_list(json, "cd", location.cd, true);
  write_geoid_list(json, "sldu", location.sldu, location.legislative_known);
  write_geoid_list(json, "sldl", location.sldl, location.legislative_known);
  json.field("near_boundary", location.near_boundary).key("nearest_edge_m");
  location.nearest_edge_m ? json.value(std::round(*location.nearest_edge_m * 10) / 10) : json.null();
  json.field("legislative_known", location.legislative_known);
  write_matches(json, "districts", location.cd);
  write_matches(json, "upper_districts", location.sldu);
  write_matches(json, "lower_districts", location.sldl);
  write_matches(json, "other_states", location.other_states);
  json.key("census");
  if (location.census) {
    const auto& c = *location.census;
    json.begin_object()
        .field("matched_address", c.matched_address)
        .field_or_null("match_type", c.match_type)
        .field("candidates", c.candidates)
        .field("from_cache", c.from_cache);
    write_strings(json, "cd", c.cd);
    write_strings(json, "sldu", c.sldu);
    write_strings(json, "sldl", c.sldl);
    json.end_object();
  } else {
    json.null();
  }
  write_strings(json, "notes", location.notes);
  if (!explain.empty()) {
    write_strings(json, "explain", explain_lines(location, explain));
  }
}

std::string location_text(const geo::Location& location, const Palette& palette, const ExplainData& explain) {
  std::string out = palette.paint(location.input, Style::bold) + "\n";
  const auto line = [&](const char* label, const std::string& value) {
    out += fmt::format("  {:<14} {}\n", label, value);
  };
  line("point", location.point ? geo::format_latlon(*location.point) + " (" + source_text(location) + ")"
                               : source_text(location));
  line("congress", districts_text(location.cd, true));
  line("state upper", districts_text(location.sldu, location.legislative_known));
  line("state lower", districts_text(location.sldl, location.legislative_known));
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
  return Record{[&location, palette, &explain] { return location_text(location, palette, explain); },
                [&location, &explain](JsonWriter& json) {
                  json.begin_object();
                  write_location_fields(json, location, explain);
                  json.end_object();
                },
                [&location] {
                  Table table;
                  for (const char* key : {"input", "lat", "lon", "source", "state", "cd", "sldu", "sldl",
                                          "near_boundary", "nearest_edge_m", "notes"}) {
                    table.columns.push_back({key, ""});
                  }
                  table.rows.push_back(
                      {location.input, location.point ? fmt::format("{:.6f}", location.point->lat) : "",
                       location.point ? fmt::format("{:.6f}", location.point->lon) : "",
                       std::string(geo::to_string(location.source)), location.state, joined_geoids(location.cd),
                       location.legislative_known ? joined_geoids(location.sldu) : "",
                       location.legislative_known ? joined_geoids(location.sldl) : "",
                       location.near_boundary ? "true" : "false",
                       location.nearest_edge_m ? fmt::format("{:.1f}", *location.nearest_edge_m) : "",
                       text::join(location.notes, "; ")});
                  return table;
                }};
}

Listing located_seats_listing(const geo::Location& location, const std::vector<reps::LocatedSeat>& seats,
                              Date today, const Palette& palette, const ExplainData& explain) {
  const auto plain_seats = [&seats] {
    std::vector<reps::Seat> out;
    for (const auto& s : seats) {
      out.push_back(s.seat);
    }
    return out;
  };
  const auto nearest = [](const reps::LocatedSeat& s) {
    if (!s.nearest_office) {
      return std::string();
    }
    const auto& office = s.seat.holder->offices[*s.nearest_office];
    return fmt::format("{} ({:.1f} km)", office.city.empty() ? office.name : office.city, *s.nearest_office_km);
  };
  return Listing{
      [&location, &seats, plain_seats, nearest, today, palette, &explain] {
        auto table = seats_human_table(plain_seats(), today);
        table.columns.insert(table.columns.end() - 1, Column{"nearest_office", "NEAREST OFFICE"});
        for (std::size_t i = 0; i < seats.size(); ++i) {
          table.rows[i].insert(table.rows[i].end() - 1, Cell(nearest(seats[i])));
        }
        // The place comes first, as the table's caption.
        table.caption = location_text(location, palette, explain);
        return table;
      },
      [&seats, plain_seats, nearest, today] {
        auto table = seats_csv_table(plain_seats(), today);
        table.columns.push_back({"nearest_office", ""});
        table.columns.push_back({"nearest_office_km", ""});
        for (std::size_t i = 0; i < seats.size(); ++i) {
          table.rows[i].emplace_back(seats[i].nearest_office ? seats[i].seat.holder->offices[*seats[i].nearest_office].address
                                                             : "");
          table.rows[i].emplace_back(seats[i].nearest_office_km ? fmt::format("{:.1f}", *seats[i].nearest_office_km)
                                                                : "");
        }
        return table;
      },
      [&location, &seats, today, &explain](JsonWriter& json) {
        json.begin_object();
        write_location_fields(json, location, explain);
        json.key("seats").begin_array();
        for (const auto& s : seats) {
          write_seat(json, s.seat, today, [&s](JsonWriter& out) {
            out.key("nearest_office");
            if (!s.nearest_office) {
              out.null();
              return;
            }
            const auto& office = s.seat.holder->offices[*s.nearest_office];
            out.begin_object().field("index", static_cast<long long>(*s.nearest_office));
            out.field_or_null("name", office.name).field("address", office.address);
            out.field("distance_km", std::round(*s.nearest_office_km * 10) / 10).end_object();
          });
        }
        json.end_array().end_object();
      }};
}

}  // namespace civic::cli
