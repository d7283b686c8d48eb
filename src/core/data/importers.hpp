#pragma once
// Which importer reads each dataset of the manifest (manifest.hpp): a table
// with one row per dataset, in the order the datasets are read (the
// crosswalk before the state districts it names). What they read is
// gathered in memory; update.cpp writes the database from it.

#include <string_view>
#include <vector>

#include "core/data/import.hpp"

namespace civic::data {

struct Imported {
  std::vector<reps::Official> officials;
  std::vector<reps::Division> divisions;
  std::vector<geo::Boundary> boundaries;
  std::vector<ZipDistrict> zips;
  std::vector<goods::LaborGood> goods;
  geo::Crosswalk crosswalk;  // read before the state districts, which need it
  std::vector<DatasetRecord> datasets;
};

// What an importer read, for the dataset's provenance record.
struct ImportedFiles {
  std::vector<FileRecord> files;
  long record_count = 0;
};

using Importer = ImportedFiles (*)(DatasetFiles& files, const ImportContext& context, Imported& into);

struct ImporterRow {
  std::string_view dataset;  // its name in the manifest
  Importer run;
};

const std::vector<ImporterRow>& importers();
// The importer of `dataset`; throws an Error naming it when there is none.
Importer importer_for(std::string_view dataset);

}  // namespace civic::data
