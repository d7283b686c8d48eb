// ZCTA → congressional district: 22% of ZIP areas touch more than one
// district, so a ZIP gives candidates, never one answer.
#include "core/data/import.hpp"
#include "core/reps/states.hpp"
#include "core/util/csv.hpp"

namespace civic::data {

namespace {
constexpr const char* k_file = "zccd.csv";
}

ZipImport import_zip_districts(DatasetFiles& files, const ImportContext& context) {
  const auto source = files.source_of(k_file);
  const auto table = csv::Table::parse(files.read(k_file), source);
  const auto fips_column = table.require_column("state_fips");
  const auto zcta_column = table.require_column("zcta");
  const auto cd_column = table.require_column("cd");
  ZipImport result;
  std::vector<Problem> problems;
  for (const auto& row : table.rows()) {
    const auto* state = reps::find_state_by_fips(csv::Table::field(row, fips_column));
    const auto& zcta = csv::Table::field(row, zcta_column);
    const auto& cd = csv::Table::field(row, cd_column);
    if (state == nullptr || zcta.size() != 5 || cd.empty()) {
      problems.push_back({source + ":" + std::to_string(row.line), "unknown state, or a ZCTA or district missing"});
      continue;
    }
    result.rows.push_back({zcta, std::string(state->code), reps::cd_division_id(*state, cd), source});
  }
  const auto count = result.rows.size();
  return finish_import(files, context, problems, std::move(result), count);
}

}  // namespace civic::data
