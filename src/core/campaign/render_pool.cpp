#include "core/campaign/render_pool.hpp"

namespace civic::campaign {
namespace {

// Batches submitted and not yet taken by the writer: enough to keep every
// thread busy while the writer works through one, few enough that memory
// stays flat.
constexpr std::uint64_t k_in_flight = 16;

}  // namespace

RenderPool::RenderPool(std::vector<letters::LetterRenderer> renderers, const RenderSettings& settings,
                       Finish finish)
    : m_settings(settings), m_finish(std::move(finish)), m_renderers(std::move(renderers)) {
  m_threads.reserve(m_renderers.size());
  for (auto& renderer : m_renderers) {
    m_threads.emplace_back([this, &renderer] { work(renderer); });
  }
}

RenderPool::~RenderPool() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_changed.notify_all();
  for (auto& thread : m_threads) {
    thread.join();
  }
}

void RenderPool::submit(std::vector<LetterJob>&& jobs) {
  std::unique_lock lock(m_mutex);
  m_changed.wait(lock, [this] { return m_submitted - m_taken < k_in_flight || m_failure; });
  if (m_failure) {
    std::rethrow_exception(m_failure);
  }
  m_waiting.emplace_back(m_submitted++, std::move(jobs));
  m_changed.notify_all();
}

void RenderPool::close() {
  std::lock_guard lock(m_mutex);
  m_closed = true;
  m_changed.notify_all();
}

std::optional<Chunk> RenderPool::next() {
  std::unique_lock lock(m_mutex);
  m_changed.wait(lock, [this] {
    return m_failure || m_done.count(m_taken) != 0 || (m_closed && m_taken == m_submitted);
  });
  if (m_failure) {
    std::rethrow_exception(m_failure);
  }
  const auto found = m_done.find(m_taken);
  if (found == m_done.end()) {
    return std::nullopt;
  }
  auto chunk = std::move(found->second);
  m_done.erase(found);
  ++m_taken;
  m_changed.notify_all();
  return chunk;
}

void RenderPool::fail(std::exception_ptr failure) {
  std::lock_guard lock(m_mutex);
  if (!m_failure) {
    m_failure = std::move(failure);
  }
  m_waiting.clear();
  m_done.clear();
  m_changed.notify_all();
}

void RenderPool::work(letters::LetterRenderer& renderer) {
  while (true) {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_stopping || m_failure || !m_waiting.empty(); });
    if (m_stopping || m_failure) {
      return;
    }
    auto [sequence, jobs] = std::move(m_waiting.front());
    m_waiting.pop_front();
    lock.unlock();
    Chunk chunk;
    try {
      chunk.reserve(jobs.size());
      for (auto& job : jobs) {
        chunk.push_back(render_letter(renderer, std::move(job), m_settings));
        if (m_finish) {
          m_finish(chunk.back());
        }
      }
    } catch (...) {
      fail(std::current_exception());
      return;
    }
    lock.lock();
    m_done.emplace(sequence, std::move(chunk));
    m_changed.notify_all();
  }
}

}  // namespace civic::campaign
