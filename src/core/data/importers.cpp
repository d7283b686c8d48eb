#include "core/data/importers.hpp"

#include <iterator>

namespace civic::data {
namespace {

template <class T>
void append(std::vector<T>& to, std::vector<T>&& from) {
  std::move(from.begin(), from.end(), std::back_inserter(to));
}

template <class Result>
ImportedFiles files_of(Result& result) {
  return {std::move(result.files), result.record_count};
}

ImportedFiles officials(OfficialsImport result, Imported& into) {
  append(into.officials, std::move(result.officials));
  return files_of(result);
}

ImportedFiles divisions(DivisionsImport result, Imported& into) {
  append(into.divisions, std::move(result.divisions));
  append(into.boundaries, std::move(result.boundaries));
  return files_of(result);
}

}  // namespace

const std::vector<ImporterRow>& importers() {
  static const std::vector<ImporterRow> table = {
      {"congress-legislators",
       [](DatasetFiles& f, const ImportContext& c, Imported& into) { return officials(import_congress(f, c), into); }},
      {"openstates-people",
       [](DatasetFiles& f, const ImportContext& c, Imported& into) { return officials(import_openstates(f, c), into); }},
      {"ocd-division-ids",
       [](DatasetFiles& f, const ImportContext& c, Imported& into) {
         return divisions(import_congressional_districts(f, c), into);
       }},
      {"openstates-geo",
       [](DatasetFiles& f, const ImportContext& c, Imported& into) {
         auto result = import_crosswalk(f, c);
         into.crosswalk = std::move(result.crosswalk);
         return files_of(result);
       }},
      {"tiger-sld-2024",
       [](DatasetFiles& f, const ImportContext& c, Imported& into) {
         return divisions(import_state_districts(f, into.crosswalk, c), into);
       }},
      {"tiger-cd-119",
       [](DatasetFiles& f, const ImportContext& c, Imported& into) { return divisions(import_cd_boundaries(f, c), into); }},
      {"zcta-cd-119",
       [](DatasetFiles& f, const ImportContext& c, Imported& into) {
         auto result = import_zip_districts(f, c);
         into.zips = std::move(result.rows);
         return files_of(result);
       }},
      {"ilab-goods",
       [](DatasetFiles& f, const ImportContext& c, Imported& into) {
         auto result = import_goods(f, c);
         into.goods = std::move(result.rows);
         return files_of(result);
       }},
  };
  return table;
}

Importer importer_for(std::string_view dataset) {
  for (const auto& row : importers()) {
    if (row.dataset == dataset) {
      return row.run;
    }
  }
  throw Error("no importer for dataset '" + std::string(dataset) + "'")
      .hint("reps-data/manifest.toml names a dataset this civic cannot read; upgrade civic");
}

}  // namespace civic::data
