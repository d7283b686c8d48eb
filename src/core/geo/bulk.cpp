#include "core/geo/bulk.hpp"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <future>
#include <map>
#include <mutex>
#include <thread>

#include "core/cancel.hpp"
#include "core/error.hpp"
#include "core/util/csv.hpp"
#include "core/util/ordered_work.hpp"
#include "core/util/text.hpp"

namespace civic::geo {
namespace {

// Where each field is, by header name; npos when the file lacks it.
struct Columns {
  std::size_t id = std::string::npos;
  std::size_t lat = std::string::npos;
  std::size_t lon = std::string::npos;
  std::size_t street = std::string::npos;
  std::size_t city = std::string::npos;
  std::size_t state = std::string::npos;
  std::size_t zip = std::string::npos;
};

Columns find_columns(const csv::Table& table, const std::string& file_name) {
  Columns c;
  const std::map<std::string, std::size_t*> names = {
      {"id", &c.id},         {"lat", &c.lat},     {"latitude", &c.lat}, {"lon", &c.lon},
      {"lng", &c.lon},       {"longitude", &c.lon}, {"street", &c.street}, {"address", &c.street},
      {"city", &c.city},     {"state", &c.state}, {"zip", &c.zip},      {"zipcode", &c.zip},
      {"zip_code", &c.zip},  {"postal_code", &c.zip}};
  for (std::size_t i = 0; i < table.header().size(); ++i) {
    if (auto it = names.find(text::lower(table.header()[i])); it != names.end()) {
      *it->second = i;
    }
  }
  const bool coordinates = c.lat != std::string::npos && c.lon != std::string::npos;
  if (!coordinates && c.street == std::string::npos && c.zip == std::string::npos) {
    throw usage_error(file_name + ":1: no place columns: expected lat and lon, or zip, or street, city, state, zip")
        .hint("the first line must name the columns, for example: id,street,city,state,zip");
  }
  return c;
}

enum class Kind { point, address, zip, none };

Kind kind_of(const csv::Record& row, const Columns& c) {
  const auto has = [&](std::size_t column) { return !text::trim(csv::Table::field(row, column)).empty(); };
  if (has(c.lat) && has(c.lon)) {
    return Kind::point;
  }
  if (has(c.street)) {
    return Kind::address;
  }
  return has(c.zip) ? Kind::zip : Kind::none;
}

std::string field(const csv::Record& row, std::size_t column) {
  return std::string(text::trim(csv::Table::field(row, column)));
}

std::string one_line(const csv::Record& row, const Columns& c) {
  std::vector<std::string> parts;
  for (auto column : {c.street, c.city, c.state, c.zip}) {
    if (auto value = field(row, column); !value.empty()) {
      parts.push_back(value);
    }
  }
  return text::join(parts, ", ");
}

// Geocodes the address rows of the input, batch by batch, on demand.
class AddressBatches {
public:
  AddressBatches(const std::vector<csv::Record>& rows, const Columns& columns, const BulkOptions& options)
      : m_columns(columns), m_options(options) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
      // Offline, addresses fall back to their ZIP code: nothing to batch.
      if (options.geocoder == nullptr || kind_of(rows[i], columns) != Kind::address) {
        continue;
      }
      if (m_rows_by_batch.empty() || m_rows_by_batch.back().size() == options.batch_size) {
        m_rows_by_batch.emplace_back();
      }
      m_rows_by_batch.back().push_back(i);
      m_batch_of[i] = m_rows_by_batch.size() - 1;
    }
  }

  std::size_t count() const { return m_rows_by_batch.size(); }
  std::size_t done() const { return m_answers.size(); }

  // Geocodes the batches of the address rows among rows first..last-1. On
  // the caller's thread only, which is the only one to add answers.
  void prefetch(std::size_t first, std::size_t last, const std::vector<csv::Record>& rows) {
    for (auto it = m_batch_of.lower_bound(first); it != m_batch_of.end() && it->first < last; ++it) {
      if (m_answers.count(it->second) == 0) {
        fetch(it->second, rows);
      }
    }
  }

  // The answer for input row `index`; its batch must have been prefetched.
  // Workers ask while the next batches are fetched.
  std::optional<CensusMatch> answer(std::size_t index) const {
    const auto batch = m_batch_of.at(index);
    std::lock_guard lock(m_mutex);
    if (const auto failure = m_failures.find(batch); failure != m_failures.end()) {
      throw Error(failure->second);
    }
    return m_answers.at(batch).at(index);
  }

private:
  void fetch(std::size_t batch, const std::vector<csv::Record>& rows) {
    std::vector<BatchAddress> addresses;
    for (auto index : m_rows_by_batch[batch]) {
      const auto& row = rows[index];
      addresses.push_back({std::to_string(index), field(row, m_columns.street), field(row, m_columns.city),
                           field(row, m_columns.state), field(row, m_columns.zip)});
    }
    std::map<std::size_t, std::optional<CensusMatch>> answers;
    try {
      for (auto& answer : m_options.geocoder->geocode_batch(addresses)) {
        answers[std::stoul(answer.id)] = std::move(answer.match);
      }
    } catch (const Error& e) {
      if (e.code() == ExitCode::interrupted) {
        throw;
      }
      std::lock_guard lock(m_mutex);
      m_failures[batch] = e.what();
    }
    std::lock_guard lock(m_mutex);
    m_answers[batch] = std::move(answers);
  }

  const Columns& m_columns;
  const BulkOptions& m_options;
  std::map<std::size_t, std::size_t> m_batch_of;
  std::vector<std::vector<std::size_t>> m_rows_by_batch;
  std::map<std::size_t, std::map<std::size_t, std::optional<CensusMatch>>> m_answers;
  std::map<std::size_t, std::string> m_failures;
  mutable std::mutex m_mutex;  // over the answers and failures
};

Location locate_row(const csv::Record& row, std::size_t index, const Columns& c, SQLite::Database& db,
                    Locator& locator, const AddressBatches& batches, const BulkOptions& options) {
  switch (kind_of(row, c)) {
    case Kind::point: {
      const auto text = field(row, c.lat) + "," + field(row, c.lon);
      const auto point = parse_latlon(text);
      if (!point) {
        throw Error("lat,lon '" + text + "' is not a point in degrees");
      }
      return locate_point(locator, *point, text, PointSource::input);
    }
    case Kind::address: {
      const auto address = one_line(row, c);
      if (options.geocoder == nullptr) {
        return locate_address(address, db, locator, nullptr);
      }
      auto match = batches.answer(index);
      if (!match) {
        throw Error("the Census Geocoder found no match for '" + address + "'");
      }
      auto location = locate_point(locator, match->point, address, PointSource::census);
      location.census = std::move(match);
      return location;
    }
    case Kind::zip: return locate_zip(db, field(row, c.zip), field(row, c.zip));
    case Kind::none: break;
  }
  throw Error("no place in this row: lat and lon, street, or zip are all empty");
}

constexpr std::size_t k_block = 8192;
constexpr std::size_t k_blocks_ahead = 2;  // located while the caller takes the one before
constexpr std::size_t k_turn = 64;         // rows a thread takes at once: neighbours, which share pieces

// Rows of one block, to be located by one thread, in cell order.
struct Turn {
  std::size_t block = 0;
  std::vector<std::size_t> rows;
};

// Rows first.. of the input, in input order once every turn is back.
struct Block {
  std::size_t first = 0;
  std::vector<std::size_t> order;  // the rows in cell order, as the turns took them
  std::vector<BulkRow> rows;
  std::size_t placed = 0;  // of `order`
};

// What one thread locates with: its own connection and locator.
struct Worker {
  Worker(std::unique_ptr<SQLite::Database> database, std::shared_ptr<const Locator::Index> index)
      : db(std::move(database)), locator(*db, std::move(index)) {
    // One read transaction for the run: otherwise SQLite takes a lock and
    // looks for a hot journal before every statement.
    db->exec("BEGIN");
  }
  ~Worker() { db->exec("COMMIT"); }
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  std::unique_ptr<SQLite::Database> db;
  Locator locator;
  std::size_t block = SIZE_MAX;  // the one it worked on last
};

BulkRow locate_one(const csv::Record& row, std::size_t index, const Columns& columns, Worker& worker,
                   const AddressBatches& batches, const BulkOptions& options) {
  BulkRow out;
  out.line = row.line;
  out.id = columns.id == std::string::npos ? std::to_string(index + 1) : field(row, columns.id);
  try {
    out.location = locate_row(row, index, columns, *worker.db, worker.locator, batches, options);
  } catch (const std::exception& e) {
    out.error = e.what();
  }
  return out;
}

// The block's rows in cell order: points near each other are located one
// after the other, so the pieces they share are read once.
std::vector<std::size_t> cell_order(const std::vector<csv::Record>& rows, std::size_t first, std::size_t last,
                                    const Columns& columns) {
  std::vector<std::pair<CellCode, std::size_t>> keyed;
  keyed.reserve(last - first);
  for (std::size_t i = first; i < last; ++i) {
    CellCode code = 0;
    if (kind_of(rows[i], columns) == Kind::point) {
      if (const auto point = parse_latlon(field(rows[i], columns.lat) + "," + field(rows[i], columns.lon))) {
        code = cell_code(*point);
      }
    }
    keyed.emplace_back(code, i);
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<std::size_t> order;
  order.reserve(keyed.size());
  for (const auto& [code, index] : keyed) {
    order.push_back(index);
  }
  return order;
}

}  // namespace

BulkSummary locate_rows(const std::string& csv_text, const std::string& file_name, const BulkOptions& options,
                        const CancelToken& cancel, const std::function<void(BulkRow&&)>& on_row) {
  // The cell index loads while the input is parsed.
  auto first_db = options.open_database();
  auto cell_index = std::async(std::launch::async, [&db = *first_db] { return Locator::load_index(db); });
  const auto table = csv::Table::parse(csv_text, file_name);
  const auto columns = find_columns(table, file_name);
  const auto& rows = table.rows();
  AddressBatches batches(rows, columns, options);

  const unsigned threads = rows.size() < 2000 ? 1 : worker_threads(options.threads);
  const auto shared_index = cell_index.get();
  std::vector<std::unique_ptr<Worker>> workers;
  workers.push_back(std::make_unique<Worker>(std::move(first_db), shared_index));
  while (workers.size() < threads) {
    workers.push_back(std::make_unique<Worker>(options.open_database(), shared_index));
  }

  // Rows are located a turn at a time, each block's turns in cell order;
  // a block's rows go out in input order once its last turn is back.
  OrderedWork<Turn, std::vector<BulkRow>> work(
      threads, k_blocks_ahead * (k_block / k_turn), [&](unsigned w, Turn& turn) {
        auto& worker = *workers[w];
        if (worker.block != turn.block) {
          worker.locator.forget_pieces();  // the next block is elsewhere: keep memory flat
          worker.block = turn.block;
        }
        std::vector<BulkRow> located;
        located.reserve(turn.rows.size());
        for (const auto index : turn.rows) {
          located.push_back(locate_one(rows[index], index, columns, worker, batches, options));
        }
        return located;
      }, &cancel);
  BulkSummary summary;
  std::deque<Block> blocks;
  const auto take = [&](std::vector<BulkRow>&& located) {
    auto& block = blocks.front();
    for (auto& row : located) {
      const auto at = block.order[block.placed++];
      block.rows[at - block.first] = std::move(row);
    }
    if (block.placed < block.order.size()) {
      return;
    }
    for (auto& row : block.rows) {
      summary.failed += row.error.empty() ? 0 : 1;
      ++summary.rows;
      on_row(std::move(row));
    }
    blocks.pop_front();
    if (options.progress) {
      options.progress({summary.rows, rows.size(), batches.done(), batches.count()});
    }
  };
  for (std::size_t first = 0; first < rows.size(); first += k_block) {
    const std::size_t last = std::min(rows.size(), first + k_block);
    batches.prefetch(first, last, rows);
    // Taking turns pops only blocks before this one: the reference holds.
    const auto& block = blocks.emplace_back(Block{first, cell_order(rows, first, last, columns), {}, 0});
    blocks.back().rows.resize(last - first);
    const auto& order = block.order;
    for (std::size_t k = 0; k < order.size(); k += k_turn) {
      const auto begin = order.begin() + static_cast<std::ptrdiff_t>(k);
      work.submit(Turn{first / k_block, {begin, begin + static_cast<std::ptrdiff_t>(std::min(k_turn, order.size() - k))}},
                  take);
    }
  }
  work.drain(take);
  return summary;
}

}  // namespace civic::geo
