#pragma once
// The threads of bulk location. They live for the whole run (a thread's
// first allocations are the costly ones) and locate the blocks of rows the
// caller queues, in order, each in the order the caller gives (cell order),
// while the caller takes the finished blocks in the order it queued them.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/geo/bulk.hpp"

namespace civic::geo {

class BlockPipeline {
public:
  // The answer for input row `index`, on thread `worker` (below `threads`).
  using Locate = std::function<BulkRow(unsigned worker, std::size_t index)>;
  // Thread `worker` moves on to another block.
  using NewBlock = std::function<void(unsigned worker)>;

  BlockPipeline(unsigned threads, Locate locate, NewBlock new_block);
  ~BlockPipeline();  // stops the threads, finished or not
  BlockPipeline(const BlockPipeline&) = delete;
  BlockPipeline& operator=(const BlockPipeline&) = delete;

  // Blocks queued and not yet taken.
  std::size_t queued();
  // Queues rows first..first+order.size()-1, to be located in `order`.
  void push(std::size_t first, std::vector<std::size_t> order);
  // Swaps the oldest block's rows, in input order, into `rows` once every
  // one is located; what `rows` held before serves a later block (fresh
  // memory is costly). Rethrows what stopped a thread.
  void pop(std::vector<BulkRow>& rows);

private:
  struct Block;
  Block* take(std::size_t& begin, std::size_t& end);
  void run(unsigned worker);

  Locate m_locate;
  NewBlock m_new_block;
  std::mutex m_mutex;
  std::condition_variable m_work;      // a block was queued, or the pipeline stops
  std::condition_variable m_finished;  // a turn of rows was located
  std::deque<std::unique_ptr<Block>> m_blocks;
  std::vector<std::vector<BulkRow>> m_spare_rows;  // the caller's thread only
  std::exception_ptr m_failure;
  bool m_stopping = false;
  std::vector<std::jthread> m_threads;  // last: joined before the rest goes
};

}  // namespace civic::geo
