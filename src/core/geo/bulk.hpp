#pragma once
// Bulk location for organizers: a CSV of places in, one answer per row out,
// in input order. Coordinates and ZIP codes resolve offline; addresses go
// to the Census Geocoder in batches of up to 10,000, each cached, so a run
// stopped half way resumes without asking again for finished batches.
// A bad row is an answer with an error, never the end of the run.

#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/geo/census.hpp"
#include "core/geo/locator.hpp"
#include "core/geo/place.hpp"

namespace civic {
class CancelToken;
}

namespace civic::geo {

// One place to locate, as a row of an input gives it: its coordinates, an
// address (to geocode, or its ZIP code offline) or a ZIP code. The most
// precise one the row has is used.
struct PlaceQuery {
  struct Point {
    std::string lat, lon;          // as written
    std::optional<LatLon> parsed;  // nullopt when they are not a point
  };
  struct Address {
    std::string street, city, state, zip;
  };
  struct Zip {
    std::string zip;
  };
  std::size_t line = 0;  // in the input file
  std::string id;
  // Nothing when the row names no place. Addresses are held apart: a bulk
  // input is mostly points, and its queries are all held at once.
  std::variant<std::monostate, Point, std::unique_ptr<const Address>, Zip> place;

  const Point* point() const { return std::get_if<Point>(&place); }
  const Address* address() const {
    const auto* held = std::get_if<std::unique_ptr<const Address>>(&place);
    return held != nullptr ? held->get() : nullptr;
  }
  const Zip* zip() const { return std::get_if<Zip>(&place); }
};

// A query from the parts a row gives (each trimmed), of the kind the most
// precise of them makes.
PlaceQuery make_place_query(std::size_t line, std::string id, std::string lat, std::string lon, std::string street,
                            std::string city, std::string state, std::string zip);

// The places of a CSV whose header names them: id, and lat,lon or zip or
// street,city,state,zip (or their usual other names). Throws for a file it
// cannot use (malformed CSV, no usable columns).
std::vector<PlaceQuery> read_place_queries(const std::string& csv_text, const std::string& file_name);

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
  // The cell index, when start_loading_index began loading it already.
  std::shared_future<std::shared_ptr<const Locator::Index>> index;
};

// Starts loading the cell index on a thread of its own, so that it loads
// while the caller reads its places.
void start_loading_index(BulkOptions& options);

struct BulkSummary {
  std::size_t rows = 0;
  std::size_t failed = 0;
};

// Locates every query and calls `on_row` for each, in order. They are
// located in blocks, on every core, each block in cell order (neighbours
// share cached pieces).
BulkSummary locate_rows(const std::vector<PlaceQuery>& queries, const BulkOptions& options, const CancelToken& cancel,
                        const std::function<void(BulkRow&&)>& on_row);

}  // namespace civic::geo
