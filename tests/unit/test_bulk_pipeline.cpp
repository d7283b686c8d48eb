// The threads of bulk location: every row once, blocks back in the order
// they were queued, rows in input order whatever order they were located
// in, a thread's failure handed to the caller, and a stop with work left.
#include <doctest/doctest.h>

#include <atomic>
#include <numeric>
#include <stdexcept>

#include "core/geo/bulk_pipeline.hpp"

using namespace civic;
using civic::geo::BlockPipeline;
using civic::geo::BulkRow;

namespace {

// Block rows first..first+n-1 in reverse order: the pipeline must put them back.
std::vector<std::size_t> reversed(std::size_t first, std::size_t n) {
  std::vector<std::size_t> order(n);
  std::iota(order.rbegin(), order.rend(), first);
  return order;
}

}  // namespace

TEST_CASE("blocks come back in the order they were queued, their rows in input order, each located once") {
  std::atomic<int> calls{0};
  std::atomic<int> new_blocks{0};
  std::vector<std::atomic<int>> by_worker(3);
  BlockPipeline pipeline(
      3,
      [&](unsigned worker, std::size_t index) {
        ++calls;
        ++by_worker.at(worker);
        BulkRow row;
        row.line = index + 2;
        row.id = std::to_string(index);
        return row;
      },
      [&](unsigned) { ++new_blocks; });
  const std::vector<std::size_t> sizes = {500, 1, 300, 700};
  std::size_t first = 0;
  for (auto n : sizes) {
    pipeline.push(first, reversed(first, n));
    first += n;
  }
  std::vector<BulkRow> rows;
  std::size_t expected = 0;
  for (auto n : sizes) {
    pipeline.pop(rows);
    REQUIRE(rows.size() == n);
    for (const auto& row : rows) {
      CHECK(row.id == std::to_string(expected));
      CHECK(row.line == expected + 2);
      ++expected;
    }
  }
  CHECK(calls == 1501);
  CHECK(pipeline.queued() == 0);
  CHECK(new_blocks >= 4);  // every block was started by some thread
  CHECK(by_worker[0] + by_worker[1] + by_worker[2] == 1501);
}

TEST_CASE("a block queued after others were taken reuses their rows and starts clean") {
  BlockPipeline pipeline(
      2,
      [](unsigned, std::size_t index) {
        BulkRow row;
        if (index % 2 == 0) {
          row.error = "even";
        }
        return row;
      },
      [](unsigned) {});
  std::vector<BulkRow> rows;
  pipeline.push(0, reversed(0, 100));
  pipeline.pop(rows);
  pipeline.push(100, reversed(100, 3));
  pipeline.pop(rows);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].error == "even");
  CHECK(rows[1].error.empty());
  CHECK(rows[2].error == "even");
}

TEST_CASE("what stops a thread reaches the caller, and the pipeline stops with work left") {
  BlockPipeline pipeline(
      2,
      [](unsigned, std::size_t index) -> BulkRow {
        if (index == 150) {
          throw std::runtime_error("disk gone");
        }
        return {};
      },
      [](unsigned) {});
  pipeline.push(0, reversed(0, 200));
  pipeline.push(200, reversed(200, 5000));
  std::vector<BulkRow> rows;
  CHECK_THROWS_WITH_AS(pipeline.pop(rows), "disk gone", std::runtime_error);
  // Destroying it now, with the second block unfinished, must not hang.
}
