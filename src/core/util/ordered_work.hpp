#pragma once
// Work on every core with results in order: jobs are handed out to threads
// that live as long as the object, in the order they are submitted, and
// their results are taken back in that same order, with never more than
// `bound` jobs out at once, so memory stays flat however long the stream.
// What a job throws reaches the caller at that job's turn, and again at
// every later call; no later job is started. A cancelled token stops the
// threads between jobs. The caller's
// loop is:
//
//   OrderedWork<Job, Result> work(threads, bound, do_one, &cancel);
//   for (...) work.submit(std::move(job), use);  // uses the oldest results while `bound` are out
//   work.drain(use);                             // the rest, in order
//
// submit, take and drain belong to one thread, the caller's.

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/cancel.hpp"

namespace civic {

// 0 threads: one per core (at most 8).
inline unsigned worker_threads(unsigned asked) {
  return asked != 0 ? asked : std::clamp(std::thread::hardware_concurrency(), 1U, 8U);
}

template <class Job, class Result>
class OrderedWork {
public:
  // Runs on thread `worker` (below the thread count): a thread can keep
  // state of its own, indexed by it.
  using Work = std::function<Result(unsigned worker, Job& job)>;

  OrderedWork(unsigned threads, std::size_t bound, Work work, const CancelToken* cancel = nullptr)
      : m_work(std::move(work)), m_cancel(cancel), m_bound(std::max<std::size_t>(bound, 1)) {
    const auto count = worker_threads(threads);
    for (unsigned worker = 0; worker < count; ++worker) {
      m_threads.emplace_back([this, worker] { run(worker); });
    }
  }
  // Stops the threads once their current jobs are done; results not taken are dropped.
  ~OrderedWork() {
    {
      std::lock_guard lock(m_mutex);
      m_stopping = true;
    }
    m_ready.notify_all();
    m_threads.clear();  // joins
  }
  OrderedWork(const OrderedWork&) = delete;
  OrderedWork& operator=(const OrderedWork&) = delete;

  // Hands `job` out; while `bound` jobs are out, first takes the oldest
  // result and passes it to `use`.
  template <class Use>
  void submit(Job job, Use&& use) {
    rethrow_failure();
    while (m_outstanding >= m_bound) {
      use(take());
    }
    {
      std::lock_guard lock(m_mutex);
      m_slots.push_back(Slot{std::move(job), std::nullopt, nullptr, false});
    }
    ++m_outstanding;
    m_ready.notify_one();
  }

  // Takes every result not taken yet, in order, passing each to `use`.
  template <class Use>
  void drain(Use&& use) {
    rethrow_failure();
    while (m_outstanding > 0) {
      use(take());
    }
  }

  // Jobs submitted and not taken yet.
  std::size_t outstanding() const { return m_outstanding; }

  // The oldest job's result, once it is done; rethrows what the job threw.
  Result take() {
    rethrow_failure();
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [this] { return m_slots.front().finished; });
    Slot slot = std::move(m_slots.front());
    m_slots.pop_front();
    ++m_first;
    --m_outstanding;
    lock.unlock();
    m_failure = slot.failure;
    rethrow_failure();
    return std::move(*slot.result);
  }

private:
  void rethrow_failure() const {
    if (m_failure) {
      std::rethrow_exception(m_failure);
    }
  }

  struct Slot {
    Job job;
    std::optional<Result> result;
    std::exception_ptr failure;
    bool finished = false;
  };

  void run(unsigned worker) {
    for (;;) {
      Slot* slot = nullptr;
      {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [this] { return m_stopping || m_next - m_first < m_slots.size(); });
        if (m_stopping) {
          return;
        }
        // A reference into the deque stays valid while the caller pops
        // the slots before it.
        slot = &m_slots[m_next++ - m_first];
      }
      std::optional<Result> result;
      std::exception_ptr failure;
      try {
        if (m_cancel != nullptr) {
          m_cancel->throw_if_cancelled();
        }
        result.emplace(m_work(worker, slot->job));
      } catch (...) {
        failure = std::current_exception();
      }
      {
        std::lock_guard lock(m_mutex);
        slot->result = std::move(result);
        slot->failure = failure;
        slot->finished = true;
        // Every job before this one has started; none after it will.
        m_stopping = m_stopping || failure != nullptr;
      }
      m_done.notify_one();
    }
  }

  Work m_work;
  const CancelToken* m_cancel;
  std::size_t m_bound;
  std::size_t m_outstanding = 0;  // the caller's
  std::exception_ptr m_failure;   // the caller's: what a job threw, once taken
  std::mutex m_mutex;
  std::condition_variable m_ready;  // a job was submitted, or the threads stop
  std::condition_variable m_done;   // a job finished
  std::deque<Slot> m_slots;         // from the oldest not taken
  std::uint64_t m_first = 0;        // the number of m_slots.front()
  std::uint64_t m_next = 0;         // the number of the next job to start
  bool m_stopping = false;
  std::vector<std::jthread> m_threads;  // last: joined before the rest goes
};

// Runs work(i) for every i below `count` on every core; rethrows the first
// failure (by index) once the items before it are done.
template <class Item>
void parallel_for(std::size_t count, Item&& item) {
  struct Done {};
  OrderedWork<std::size_t, Done> work(
      0, 2 * worker_threads(0), [&item](unsigned, std::size_t& i) {
        item(i);
        return Done{};
      });
  for (std::size_t i = 0; i < count; ++i) {
    work.submit(i, [](Done) {});
  }
  work.drain([](Done) {});
}

}  // namespace civic
