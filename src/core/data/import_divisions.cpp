// ocd-division-ids: the congressional districts of the current Congress,
// so that a district nobody holds shows up as a vacant seat.
#include <set>

#include "core/data/import.hpp"
#include "core/reps/district_key.hpp"
#include "core/reps/states.hpp"
#include "core/util/csv.hpp"
#include "core/util/text.hpp"

namespace civic::data {
namespace {

constexpr const char* k_file = "us_congressional_districts.csv";

// ocd-division/country:us/state:wa/cd:7 → WA, "7"; .../cd:at-large → "at-large".
std::optional<reps::Division> parse_cd_id(const std::string& id) {
  const auto place = reps::ocd_place(id, "ocd-division/country:us/");
  if (!place || place->rest.rfind("/cd:", 0) != 0) {
    return std::nullopt;
  }
  const auto district = place->rest.substr(4);
  if (district.empty() || district.find('/') != std::string_view::npos) {
    return std::nullopt;
  }
  reps::Division division;
  division.id = id;
  division.state = text::upper(place->state);
  division.chamber = reps::Chamber::house;
  division.district = std::string(district);
  division.district_key = reps::district_key(division.district);
  return division;
}

}  // namespace

DivisionsImport import_congressional_districts(DatasetFiles& files, const ImportContext& context) {
  DivisionsImport result;
  std::vector<Problem> problems;
  std::set<std::string> seen;
  const auto source = files.source_of(k_file);
  const auto table = csv::Table::parse(files.read(k_file), source);
  const auto id_column = table.require_column("id");
  const auto name_column = table.require_column("name");
  const auto geoid_column = table.require_column("census_geoid");
  const auto through_column = table.require_column("validThrough");
  for (const auto& row : table.rows()) {
    if (!csv::Table::field(row, through_column).empty()) {
      continue;  // retired by redistricting
    }
    auto division = parse_cd_id(csv::Table::field(row, id_column));
    if (!division) {
      problems.push_back({source + ":" + std::to_string(row.line),
                          "unrecognised division id '" + csv::Table::field(row, id_column) + "'"});
      continue;
    }
    if (reps::find_state(division->state) == nullptr || !seen.insert(division->id).second) {
      continue;
    }
    division->name = csv::Table::field(row, name_column);
    // "cd-5307" → "5307", the Census GEOID.
    const auto& geoid = csv::Table::field(row, geoid_column);
    division->census_geoid = geoid.rfind("cd-", 0) == 0 ? geoid.substr(3) : geoid;
    division->source = source;
    result.divisions.push_back(std::move(*division));
  }
  const auto count = result.divisions.size();
  return finish_import(files, context, problems, std::move(result), count);
}

}  // namespace civic::data
