#include "core/campaign/contact_recorder.hpp"

#include "core/campaign/campaign_run.hpp"

namespace civic::campaign {
namespace {

// Inserting into every index of a large table: keep its pages in memory
// instead of reading them back from the file again and again. 32 MB holds
// what 300,000 rows touch (64 MB was no faster, 16 MB a fifth slower).
SQLite::Database& with_large_cache(SQLite::Database& journal) {
  journal.exec("PRAGMA cache_size = -32768");
  return journal;
}

}  // namespace

ContactRecorder::ContactRecorder(SQLite::Database& journal, const Campaign& campaign, const std::string& bill,
                                 const std::string& at)
    : m_campaign(campaign),
      m_shared(campaign_contact(campaign, bill, at)),
      m_appender(with_large_cache(journal), at, k_rows_per_commit),
      m_thread([this] { record(); }) {}

ContactRecorder::~ContactRecorder() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_changed.notify_all();
  m_thread.join();
}

void ContactRecorder::add(const std::vector<RenderedLetter>& letters) {
  add_campaign_contacts(letters, m_campaign, *m_shared.bill, m_pending);
  if (m_pending.size() >= k_batch) {
    hand_over(false);
  }
}

void ContactRecorder::start_rest() { hand_over(true); }

void ContactRecorder::flush() {
  hand_over(true);
  std::unique_lock lock(m_mutex);
  m_changed.wait(lock, [this] { return m_failure || (m_queue.empty() && !m_commit && !m_busy); });
  if (m_failure) {
    std::rethrow_exception(m_failure);
  }
}

void ContactRecorder::hand_over(bool commit) {
  std::unique_lock lock(m_mutex);
  m_changed.wait(lock, [this] { return m_failure || m_queue.size() < k_queued; });
  if (m_failure) {
    std::rethrow_exception(m_failure);
  }
  if (!m_pending.empty()) {
    m_queue.push_back(std::move(m_pending));
    m_pending = {};
    m_pending.reserve(k_batch);
  }
  m_commit = m_commit || commit;
  m_changed.notify_all();
}

// The journal's thread: batches in the order handed over, then a commit
// when one was asked for and nothing is left.
void ContactRecorder::record() {
  std::unique_lock lock(m_mutex);
  while (true) {
    m_changed.wait(lock, [this] { return m_stopping || m_failure || !m_queue.empty() || m_commit; });
    if (m_stopping || m_failure) {
      return;
    }
    std::vector<journal::ContactEntry> batch;
    const bool commit = m_queue.empty();
    if (!commit) {
      batch = std::move(m_queue.front());
      m_queue.pop_front();
    }
    m_commit = m_commit && !commit;
    m_busy = true;
    lock.unlock();
    m_changed.notify_all();  // room in the queue
    try {
      const long added = commit ? 0 : m_appender.add_new(m_shared, batch);
      if (commit) {
        m_appender.commit();
      }
      lock.lock();
      m_added += added;
    } catch (...) {
      lock.lock();
      m_failure = std::current_exception();
    }
    m_busy = false;
    m_changed.notify_all();
  }
}

}  // namespace civic::campaign
