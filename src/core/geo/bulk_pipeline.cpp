#include "core/geo/bulk_pipeline.hpp"

#include <algorithm>
#include <cstdint>

namespace civic::geo {
namespace {

constexpr std::size_t k_turn = 64;  // rows a thread takes at once: neighbours, which share pieces

}  // namespace

// Rows first.. of the input, handed out to the threads a turn at a time.
struct BlockPipeline::Block {
  std::size_t first = 0;
  std::vector<std::size_t> order;
  std::vector<BulkRow> rows;  // in input order
  std::size_t taken = 0;      // of `order`, handed out
  std::size_t done = 0;
};

BlockPipeline::BlockPipeline(unsigned threads, Locate locate, NewBlock new_block)
    : m_locate(std::move(locate)), m_new_block(std::move(new_block)) {
  for (unsigned worker = 0; worker < threads; ++worker) {
    m_threads.emplace_back([this, worker] { run(worker); });
  }
}

BlockPipeline::~BlockPipeline() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_work.notify_all();
  m_threads.clear();  // joins
}

std::size_t BlockPipeline::queued() {
  std::lock_guard lock(m_mutex);
  return m_blocks.size();
}

void BlockPipeline::push(std::size_t first, std::vector<std::size_t> order) {
  auto block = std::make_unique<Block>();
  block->first = first;
  block->order = std::move(order);
  if (!m_spare_rows.empty()) {
    block->rows = std::move(m_spare_rows.back());
    m_spare_rows.pop_back();
  }
  block->rows.assign(block->order.size(), BulkRow{});
  {
    std::lock_guard lock(m_mutex);
    m_blocks.push_back(std::move(block));
  }
  m_work.notify_all();
}

void BlockPipeline::pop(std::vector<BulkRow>& rows) {
  std::unique_lock lock(m_mutex);
  m_finished.wait(lock, [&] { return m_failure || m_blocks.front()->done == m_blocks.front()->order.size(); });
  if (m_failure) {
    std::rethrow_exception(m_failure);
  }
  rows.swap(m_blocks.front()->rows);
  m_spare_rows.push_back(std::move(m_blocks.front()->rows));
  m_blocks.pop_front();
}

// The next turn of rows of the oldest block that has some left.
BlockPipeline::Block* BlockPipeline::take(std::size_t& begin, std::size_t& end) {
  for (auto& block : m_blocks) {
    if (block->taken < block->order.size()) {
      begin = block->taken;
      end = std::min(block->order.size(), begin + k_turn);
      block->taken = end;
      return block.get();
    }
  }
  return nullptr;
}

void BlockPipeline::run(unsigned worker) {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t last_first = SIZE_MAX;  // of the block this thread worked on last
  for (;;) {
    Block* block = nullptr;
    {
      std::unique_lock lock(m_mutex);
      m_work.wait(lock, [&] { return m_stopping || (block = take(begin, end)) != nullptr; });
      if (block == nullptr) {
        return;
      }
    }
    if (block->first != last_first) {
      m_new_block(worker);
      last_first = block->first;
    }
    try {
      for (std::size_t k = begin; k < end; ++k) {
        const auto index = block->order[k];
        block->rows[index - block->first] = m_locate(worker, index);
      }
    } catch (...) {
      std::lock_guard lock(m_mutex);
      m_failure = std::current_exception();
    }
    {
      std::lock_guard lock(m_mutex);
      block->done += end - begin;
    }
    m_finished.notify_one();
  }
}

}  // namespace civic::geo
