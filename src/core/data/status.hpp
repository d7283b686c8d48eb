#pragma once
// `civic data status`: what reference.db holds, how old it is, and which
// stored officials' terms have already ended.

#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/clock.hpp"
#include "core/data/reference_db.hpp"

namespace civic::data {

struct DatasetAge {
  DatasetRecord record;  // `files` is left empty; see file_count
  long file_count = 0;
  int age_days = 0;
  std::string as_of;  // the date the age is counted from
  bool stale = false;
};

struct EndedTerm {
  std::string official_id;
  std::string name;
  std::string title;
  std::string state;
  std::string district;
  std::string end_date;
};

struct DataStatus {
  std::string built_at;
  std::string civic_version;
  std::vector<DatasetAge> datasets;
  std::vector<EndedTerm> ended_terms;
  long officials = 0;
  long vacant_districts = 0;
};

// Every dataset's provenance record (files left empty), by name.
std::vector<DatasetRecord> read_datasets(SQLite::Database& db);

// Age counts from the upstream commit date when known, else from when the
// data was read: a mirror read today can hold months-old data.
DataStatus read_status(SQLite::Database& db, Date today, int max_age_days);

}  // namespace civic::data
