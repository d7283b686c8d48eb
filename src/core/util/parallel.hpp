#pragma once
// Runs independent work items on every core. Items are claimed one at a
// time, so uneven items balance out; results go wherever `work` puts them.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace civic {

template <class Work>
void parallel_for(std::size_t count, Work&& work) {
  std::atomic<std::size_t> next{0};
  const auto worker = [&] {
    for (std::size_t i = next++; i < count; i = next++) {
      work(i);
    }
  };
  const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1U, 8U);
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < std::min<std::size_t>(threads, count); ++t) {
    pool.emplace_back(worker);
  }
  worker();
}

}  // namespace civic
