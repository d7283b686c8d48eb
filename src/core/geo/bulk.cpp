#include "core/geo/bulk.hpp"

#include <algorithm>
#include <cstdint>
#include <deque>
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

Columns find_columns(const std::vector<std::string>& header, const std::string& file_name) {
  Columns c;
  const std::map<std::string, std::size_t*> names = {
      {"id", &c.id},         {"lat", &c.lat},     {"latitude", &c.lat}, {"lon", &c.lon},
      {"lng", &c.lon},       {"longitude", &c.lon}, {"street", &c.street}, {"address", &c.street},
      {"city", &c.city},     {"state", &c.state}, {"zip", &c.zip},      {"zipcode", &c.zip},
      {"zip_code", &c.zip},  {"postal_code", &c.zip}};
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (auto it = names.find(text::lower(header[i])); it != names.end()) {
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

std::string field(const csv::Record& row, std::size_t column) {
  return std::string(text::trim(csv::Table::field(row, column)));
}

std::string one_line(const PlaceQuery::Address& a) {
  std::vector<std::string> parts;
  for (const auto* value : {&a.street, &a.city, &a.state, &a.zip}) {
    if (!value->empty()) {
      parts.push_back(*value);
    }
  }
  return text::join(parts, ", ");
}

// Geocodes the address rows of the input, batch by batch, on demand.
class AddressBatches {
public:
  AddressBatches(const std::vector<PlaceQuery>& queries, const BulkOptions& options) : m_options(options) {
    for (std::size_t i = 0; i < queries.size(); ++i) {
      // Offline, addresses fall back to their ZIP code: nothing to batch.
      if (options.geocoder == nullptr || queries[i].address() == nullptr) {
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
  void prefetch(std::size_t first, std::size_t last, const std::vector<PlaceQuery>& queries) {
    for (auto it = m_batch_of.lower_bound(first); it != m_batch_of.end() && it->first < last; ++it) {
      if (m_answers.count(it->second) == 0) {
        fetch(it->second, queries);
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
  void fetch(std::size_t batch, const std::vector<PlaceQuery>& queries) {
    std::vector<BatchAddress> addresses;
    for (auto index : m_rows_by_batch[batch]) {
      const auto& a = *queries[index].address();
      addresses.push_back({std::to_string(index), a.street, a.city, a.state, a.zip});
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

  const BulkOptions& m_options;
  std::map<std::size_t, std::size_t> m_batch_of;
  std::vector<std::vector<std::size_t>> m_rows_by_batch;
  std::map<std::size_t, std::map<std::size_t, std::optional<CensusMatch>>> m_answers;
  std::map<std::size_t, std::string> m_failures;
  mutable std::mutex m_mutex;  // over the answers and failures
};

Location locate_query(const PlaceQuery& q, std::size_t index, SQLite::Database& db, Locator& locator,
                      const AddressBatches& batches, const BulkOptions& options) {
  if (const auto* point = q.point()) {
    auto text = point->lat + "," + point->lon;
    if (!point->parsed) {
      throw Error("lat,lon '" + text + "' is not a point in degrees");
    }
    return locate_point(locator, *point->parsed, std::move(text), PointSource::input);
  }
  if (const auto* a = q.address()) {
    const auto address = one_line(*a);
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
  if (const auto* zip = q.zip()) {
    return locate_zip(db, zip->zip, zip->zip);
  }
  throw Error("no place in this row: lat and lon, street, or zip are all empty");
}

constexpr std::size_t k_block = 8192;
constexpr std::size_t k_blocks_ahead = 2;  // located while the caller takes the one before
constexpr std::size_t k_turn = 64;         // rows a thread takes at once: neighbours, which share pieces

// Rows of one block, to be located by one thread, in cell order, each
// answer put in its place among the block's rows (in input order).
struct Turn {
  std::size_t block = 0;
  std::vector<std::size_t> rows;
  BulkRow* answers = nullptr;  // the block's rows; row i's answer goes to answers[i - first]
  std::size_t first = 0;
};

// Rows first.. of the input, in input order once every turn is back.
struct Block {
  std::size_t first = 0;
  std::vector<std::size_t> order;  // the rows in cell order, as the turns took them
  std::vector<BulkRow> rows;       // in input order, filled in by the turns
  std::size_t placed = 0;          // rows located
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

BulkRow locate_one(const PlaceQuery& q, std::size_t index, Worker& worker, const AddressBatches& batches,
                   const BulkOptions& options) {
  BulkRow out;
  out.line = q.line;
  out.id = q.id;
  try {
    out.location = locate_query(q, index, *worker.db, worker.locator, batches, options);
  } catch (const std::exception& e) {
    out.error = e.what();
  }
  return out;
}

// The block's rows in cell order: points near each other are located one
// after the other, so the pieces they share are read once.
std::vector<std::size_t> cell_order(const std::vector<PlaceQuery>& queries, std::size_t first, std::size_t last) {
  std::vector<std::pair<CellCode, std::size_t>> keyed;
  keyed.reserve(last - first);
  for (std::size_t i = first; i < last; ++i) {
    const auto& q = queries[i];
    const auto* point = q.point();
    keyed.emplace_back(point != nullptr && point->parsed ? cell_code(*point->parsed) : CellCode{0}, i);
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<std::size_t> order;
  order.reserve(keyed.size());
  for (const auto& [code, index] : keyed) {
    order.push_back(index);
  }
  return order;
}

// One connection and locator per thread; the cell index is loaded once and shared.
std::vector<std::unique_ptr<Worker>> make_workers(const BulkOptions& options, unsigned threads) {
  auto first_db = options.open_database();
  const auto index = options.index.valid() ? options.index.get() : Locator::load_index(*first_db);
  std::vector<std::unique_ptr<Worker>> workers;
  workers.push_back(std::make_unique<Worker>(std::move(first_db), index));
  while (workers.size() < threads) {
    workers.push_back(std::make_unique<Worker>(options.open_database(), index));
  }
  return workers;
}

// Locates a turn's rows; how many.
std::size_t locate_turn(const Turn& turn, Worker& worker, const std::vector<PlaceQuery>& queries,
                        const AddressBatches& batches, const BulkOptions& options) {
  if (worker.block != turn.block) {
    worker.locator.forget_pieces();  // the next block is elsewhere: keep memory flat
    worker.block = turn.block;
  }
  for (const auto index : turn.rows) {
    turn.answers[index - turn.first] = locate_one(queries[index], index, worker, batches, options);
  }
  return turn.rows.size();
}

// The blocks whose turns are out, each handed on in input order once its
// turns are all back (they come back in the order they went out).
class BlocksInFlight {
public:
  // A block of rows first.., to be located in `order`.
  Block& open(std::size_t first, std::vector<std::size_t> order) {
    // The rows of a block handed on serve the next one: fresh memory is costly.
    auto& block = m_blocks.emplace_back(Block{first, std::move(order), std::move(m_spare), 0});
    block.rows.assign(block.order.size(), BulkRow{});
    return block;  // taking turns pops only blocks before this one: the reference holds
  }
  // `located` more rows of the oldest block are in; whether it was handed on.
  bool take(std::size_t located, const std::function<void(BulkRow&&)>& done) {
    auto& block = m_blocks.front();
    block.placed += located;
    if (block.placed < block.order.size()) {
      return false;
    }
    for (auto& row : block.rows) {
      done(std::move(row));
    }
    m_spare = std::move(block.rows);
    m_blocks.pop_front();
    return true;
  }

private:
  std::deque<Block> m_blocks;
  std::vector<BulkRow> m_spare;
};

}  // namespace

void start_loading_index(BulkOptions& options) {
  options.index = std::async(std::launch::async, [open = options.open_database] {
                    const auto db = open();
                    return Locator::load_index(*db);
                  }).share();
}

PlaceQuery make_place_query(std::size_t line, std::string id, std::string lat, std::string lon, std::string street,
                            std::string city, std::string state, std::string zip) {
  PlaceQuery q;
  q.line = line;
  q.id = std::move(id);
  if (!lat.empty() && !lon.empty()) {
    auto parsed = parse_latlon(lat + "," + lon);
    q.place = PlaceQuery::Point{std::move(lat), std::move(lon), parsed};
  } else if (!street.empty()) {
    q.place = std::make_unique<const PlaceQuery::Address>(
        PlaceQuery::Address{std::move(street), std::move(city), std::move(state), std::move(zip)});
  } else if (!zip.empty()) {
    q.place = PlaceQuery::Zip{std::move(zip)};
  }
  return q;
}

std::vector<PlaceQuery> read_place_queries(const std::string& csv_text, const std::string& file_name) {
  // Record by record: the queries are all that is kept.
  std::optional<Columns> c;
  std::vector<PlaceQuery> queries;
  csv::read_table(
      csv_text, file_name, [&](std::vector<std::string>&& header) { c = find_columns(header, file_name); },
      [&](csv::Record&& row) {
        queries.push_back(make_place_query(
            row.line, c->id == std::string::npos ? std::to_string(queries.size() + 1) : field(row, c->id),
            field(row, c->lat), field(row, c->lon), field(row, c->street), field(row, c->city), field(row, c->state),
            field(row, c->zip)));
      });
  if (!c) {
    find_columns({}, file_name);  // an empty file has no place columns either
  }
  return queries;
}

BulkSummary locate_rows(const std::vector<PlaceQuery>& queries, const BulkOptions& options, const CancelToken& cancel,
                        const std::function<void(BulkRow&&)>& on_row) {
  AddressBatches batches(queries, options);
  auto workers = make_workers(options, queries.size() < 2000 ? 1 : worker_threads(options.threads));
  // Rows are located a turn at a time, each block's turns in cell order;
  // a block's rows go out in input order once its last turn is back.
  OrderedWork<Turn, std::size_t> work(
      static_cast<unsigned>(workers.size()), k_blocks_ahead * (k_block / k_turn),
      [&](unsigned w, Turn& turn) { return locate_turn(turn, *workers[w], queries, batches, options); }, &cancel);
  BulkSummary summary;
  BlocksInFlight blocks;
  const auto take = [&](std::size_t located) {
    const bool block_done = blocks.take(located, [&](BulkRow&& row) {
      summary.failed += row.error.empty() ? 0 : 1;
      ++summary.rows;
      on_row(std::move(row));
    });
    if (block_done && options.progress) {
      options.progress({summary.rows, queries.size(), batches.done(), batches.count()});
    }
  };
  for (std::size_t first = 0; first < queries.size(); first += k_block) {
    const std::size_t last = std::min(queries.size(), first + k_block);
    batches.prefetch(first, last, queries);
    auto& block = blocks.open(first, cell_order(queries, first, last));
    const auto& order = block.order;
    for (std::size_t k = 0; k < order.size(); k += k_turn) {
      const auto begin = order.begin() + static_cast<std::ptrdiff_t>(k);
      const auto end = begin + static_cast<std::ptrdiff_t>(std::min(k_turn, order.size() - k));
      work.submit(Turn{first / k_block, {begin, end}, block.rows.data(), first}, take);
    }
  }
  work.drain(take);
  return summary;
}

}  // namespace civic::geo
