#pragma once
// Rendering on a pool of threads: batches of planned letters go in from the
// planning thread, and come out rendered (and their own files written), in
// the order they went in, to the one thread that lists them in order. No thread waits for another's batch to be
// done before starting its next one; a bounded number of batches in flight
// keeps memory flat.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/campaign/rendering.hpp"
#include "core/letters/template.hpp"

namespace civic::campaign {

using Chunk = std::vector<RenderedLetter>;

class RenderPool {
public:
  // What a rendering thread does with each letter it rendered, besides
  // handing it on (writing its own files).
  using Finish = std::function<void(RenderedLetter&)>;

  // One thread per renderer.
  RenderPool(std::vector<letters::LetterRenderer> renderers, const RenderSettings& settings, Finish finish);
  // Stops the threads; what was not taken yet is dropped.
  ~RenderPool();
  RenderPool(const RenderPool&) = delete;
  RenderPool& operator=(const RenderPool&) = delete;

  // Waits while too many batches are in flight; rethrows a failure.
  void submit(std::vector<LetterJob>&& jobs);
  // No more batches: next() returns nothing once the last one is out.
  void close();
  // The next batch in submission order, rendered; waits for it.
  std::optional<Chunk> next();
  // Stops everything: submit and next rethrow `failure` from now on.
  void fail(std::exception_ptr failure);

private:
  void work(letters::LetterRenderer& renderer);

  const RenderSettings& m_settings;
  Finish m_finish;
  std::vector<letters::LetterRenderer> m_renderers;
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::deque<std::pair<std::uint64_t, std::vector<LetterJob>>> m_waiting;  // by sequence number
  std::map<std::uint64_t, Chunk> m_done;
  std::uint64_t m_submitted = 0;
  std::uint64_t m_taken = 0;  // handed out by next()
  bool m_closed = false;
  bool m_stopping = false;
  std::exception_ptr m_failure;
  std::vector<std::thread> m_threads;
};

}  // namespace civic::campaign
