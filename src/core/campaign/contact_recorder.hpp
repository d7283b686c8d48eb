#pragma once
// A run's letters recorded in the journal as drafted contacts, on a thread
// of its own: the writing thread hands them over in batches and goes on,
// with a few batches queued so that a commit (which writes every page its
// rows touched) does not hold up the letters. Rows are committed in a few
// large transactions (a small one per batch would rewrite the same index
// pages over and over). What a stopped run did not record, its rerun does:
// the uids are stable.

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/campaign/campaign_file.hpp"
#include "core/campaign/rendering.hpp"
#include "core/journal/contact.hpp"

namespace civic::campaign {

class ContactRecorder {
public:
  // Contacts handed over at a time; rows committed at a time; batches
  // queued before the writing thread waits for the journal.
  static constexpr std::size_t k_batch = 4096;
  static constexpr std::size_t k_rows_per_commit = 100000;
  static constexpr std::size_t k_queued = 8;

  // `at`: the time of every contact (now).
  ContactRecorder(SQLite::Database& journal, const Campaign& campaign, const std::string& bill,
                  const std::string& at);
  // Stops the thread; what was not committed by then is rolled back.
  ~ContactRecorder();
  ContactRecorder(const ContactRecorder&) = delete;
  ContactRecorder& operator=(const ContactRecorder&) = delete;

  // On the writing thread: the letters' contacts, handed over once a batch
  // is full. Rethrows what stopped the journal's thread.
  void add(const std::vector<RenderedLetter>& letters);
  // After the last letter: the rest handed over and committed, without
  // waiting (the office bundles are written meanwhile).
  void start_rest();
  // Waits until everything handed over is committed; rethrows what stopped
  // the journal's thread.
  void flush();
  // Contacts the journal did not hold before; once flushed.
  long added() const { return m_added; }

private:
  void hand_over(bool commit);
  void record();

  const Campaign& m_campaign;
  journal::Contact m_shared;  // what every contact has but its official, uid and notes (the bill among it)
  journal::ContactAppender m_appender;
  std::vector<journal::ContactEntry> m_pending;  // the writing thread's

  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::deque<std::vector<journal::ContactEntry>> m_queue;
  bool m_commit = false;  // once the queue is empty
  bool m_busy = false;    // a batch or commit under way
  bool m_stopping = false;
  std::exception_ptr m_failure;
  long m_added = 0;
  std::thread m_thread;  // last: it starts once the rest is ready
};

}  // namespace civic::campaign
