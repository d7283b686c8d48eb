#pragma once
// Bulk location for organizers: a CSV of places in, one answer per row out,
// in input order. Coordinates and ZIP codes resolve offline; addresses go
// to the Census Geocoder in batches of up to 10,000, each cached, so a run
// stopped half way resumes without asking again for finished batches.
// A bad row is an answer with an error, never the end of the run.

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <SQLiteCpp/Database.h>

#include "core/geo/census.hpp"
#include "core/geo/locator.hpp"
#include "core/geo/place.hpp"

namespace civic {
class CancelToken;
}

namespace civic::geo {

struct BulkRow {
  std::size_t line = 0;  // in the input file
  std::string id;
  std::optional<Location> location;
  std::string error;  // why the row has no location
};

struct BulkProgress {
  std::size_t rows_done = 0;
  std::size_t rows_total = 0;
  std::size_t batches_done = 0;
  std::size_t batches_total = 0;
};

struct BulkOptions {
  CensusGeocoder* geocoder = nullptr;  // null: offline, addresses fall back to their ZIP
  std::size_t batch_size = k_census_batch_limit;
  std::function<void(const BulkProgress&)> progress;
  // Opens a connection to reference.db: one per worker thread.
  std::function<std::unique_ptr<SQLite::Database>()> open_database;
  unsigned threads = 0;  // 0: one per core
};

struct BulkSummary {
  std::size_t rows = 0;
  std::size_t failed = 0;
};

// Reads the CSV (header: id, and lat,lon or zip or street,city,state,zip),
// calls `on_row` for every row in order. Rows are located in blocks, on
// every core, each block in cell order (neighbours share cached pieces).
// Throws for a file it cannot use (malformed CSV, no usable columns).
BulkSummary locate_rows(const std::string& csv_text, const std::string& file_name, const BulkOptions& options,
                        const CancelToken& cancel, const std::function<void(BulkRow&&)>& on_row);

}  // namespace civic::geo
