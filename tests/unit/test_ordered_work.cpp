// Work on every core with results in order: each job once, results in the
// order the jobs went in whatever order they finished in, never more than
// the bound out at once, a job's failure at its turn, cancellation, and a
// stop with work left.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

#include "core/cancel.hpp"
#include "core/util/ordered_work.hpp"

using namespace civic;

namespace {

// Later jobs finish first: job i sleeps longer the smaller i % 7 is.
void uneven_pause(int i) { std::this_thread::sleep_for(std::chrono::microseconds(50 * (7 - i % 7))); }

}  // namespace

TEST_CASE("results come back in the order the jobs went in, each job run once, on every thread") {
  std::atomic<int> runs{0};
  std::mutex mutex;
  std::set<unsigned> workers;
  OrderedWork<int, int> work(3, 8, [&](unsigned worker, int& i) {
    ++runs;
    {
      std::lock_guard lock(mutex);
      workers.insert(worker);
    }
    uneven_pause(i);
    return i * 10;
  });
  std::vector<int> results;
  const auto use = [&](int r) { results.push_back(r); };
  for (int i = 0; i < 300; ++i) {
    work.submit(i, use);
  }
  work.drain(use);
  REQUIRE(results.size() == 300);
  for (int i = 0; i < 300; ++i) {
    CHECK(results[i] == i * 10);
  }
  CHECK(runs == 300);
  CHECK(work.outstanding() == 0);
  for (const auto worker : workers) {
    CHECK(worker < 3);
  }
}

TEST_CASE("never more than the bound are out: submit first uses the oldest results") {
  std::atomic<int> started{0};
  int taken = 0;
  int most_out = 0;
  OrderedWork<int, int> work(2, 4, [&](unsigned, int& i) {
    ++started;
    uneven_pause(i);
    return i;
  });
  const auto use = [&](int r) {
    CHECK(r == taken);
    ++taken;
  };
  for (int i = 0; i < 100; ++i) {
    work.submit(i, use);
    most_out = std::max(most_out, static_cast<int>(work.outstanding()));
    CHECK(started - taken <= 4);  // started and not taken: within the bound
  }
  work.drain(use);
  CHECK(most_out == 4);
  CHECK(taken == 100);
}

TEST_CASE("what a job throws reaches the caller at its turn, after the results before it; no later job starts") {
  std::atomic<int> runs{0};
  OrderedWork<int, int> work(1, 16, [&](unsigned, int& i) {
    ++runs;
    if (i == 5) {
      throw std::runtime_error("disk gone");
    }
    return i;
  });
  std::vector<int> results;
  const auto use = [&](int r) { results.push_back(r); };
  for (int i = 0; i < 10; ++i) {
    work.submit(i, use);
  }
  CHECK_THROWS_WITH_AS(work.drain(use), "disk gone", std::runtime_error);
  CHECK(results == std::vector<int>{0, 1, 2, 3, 4});
  CHECK(runs == 6);  // one thread takes the jobs in order: none after the failure
}

TEST_CASE("a cancelled token stops the work between jobs: the caller sees interrupted") {
  CancelToken cancel;
  OrderedWork<int, int> work(2, 64, [&](unsigned, int& i) {
    if (i == 20) {
      cancel.cancel();
    }
    return i;
  }, &cancel);
  int taken = 0;
  const auto use = [&](int) { ++taken; };
  for (int i = 0; i < 60; ++i) {
    work.submit(i, use);
  }
  try {
    work.drain(use);
    FAIL("no interruption");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::interrupted);
  }
  CHECK(taken >= 21);
  CHECK(taken < 60);
}

TEST_CASE("destroying the work with jobs left does not wait for them") {
  std::atomic<int> runs{0};
  {
    OrderedWork<int, int> work(2, 1000, [&](unsigned, int&) {
      ++runs;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      return 0;
    });
    for (int i = 0; i < 1000; ++i) {
      work.submit(i, [](int) {});
    }
  }
  CHECK(runs < 1000);
}

TEST_CASE("parallel_for runs every item once and rethrows a failure") {
  std::vector<std::atomic<int>> seen(500);
  parallel_for(seen.size(), [&](std::size_t i) { ++seen[i]; });
  for (const auto& count : seen) {
    CHECK(count == 1);
  }
  CHECK_THROWS_WITH_AS(parallel_for(100,
                                    [](std::size_t i) {
                                      if (i == 42) {
                                        throw std::runtime_error("item 42");
                                      }
                                    }),
                       "item 42", std::runtime_error);
}
