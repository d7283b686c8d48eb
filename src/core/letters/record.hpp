#pragma once
// The fourth step of every letter: the journal. One sender's letters are
// logged as drafted contacts in one transaction. A run's are recorded on a
// thread of the journal's own, handed over in batches, with a few batches
// queued so that a commit (which writes every page its rows touched) does
// not hold up the letters, and committed in a few large transactions (a
// small one per batch would rewrite the same index pages over and over).
// Their uids stay the same from run to run: what a stopped run did not
// record, its rerun does, and nothing twice.

#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/journal/contact.hpp"
#include "core/letters/render.hpp"
#include "core/util/ordered_work.hpp"

namespace civic::letters {

// One sender's letters as drafted contacts at `at`, each noting the file it
// was written to (`paths`, when there are files).
std::vector<journal::Contact> drafted_contacts(const std::vector<RenderedLetter>& letters,
                                               const std::vector<std::string>& paths, const std::string& at);

// What tags a run's contacts: its name (the campaign's) and what it is about.
struct RunTag {
  std::string name;
  std::string bill;  // canonical id
  Channel channel = Channel::letter;
  Stance stance = Stance::support;
};

// What every drafted contact of a run shares: all but whom it is with, its
// uid and its notes.
journal::Contact run_contact(const RunTag& tag, const std::string& at);
// The contacts the letters stand for, added to `out`; their uids are
// stable, so a rerun adds none twice.
void add_run_entries(const std::vector<RenderedLetter>& letters, const RunTag& tag,
                     std::vector<journal::ContactEntry>& out);

class RunRecorder {
public:
  // Contacts handed over at a time; rows committed at a time; batches
  // queued before the writing thread waits for the journal.
  static constexpr std::size_t k_batch = 4096;
  static constexpr std::size_t k_rows_per_commit = 100000;
  static constexpr std::size_t k_queued = 8;

  // `at`: the time of every contact (now).
  RunRecorder(SQLite::Database& journal, RunTag tag, const std::string& at);
  // Stops the journal's thread; what was not committed by then is rolled back.
  ~RunRecorder();
  RunRecorder(const RunRecorder&) = delete;
  RunRecorder& operator=(const RunRecorder&) = delete;

  // The letters' contacts, handed over once a batch is full. Rethrows what
  // stopped the journal's thread.
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
  struct Batch {
    std::vector<journal::ContactEntry> entries;
    bool commit = false;  // once its entries are in
  };
  enum class Commit { no, yes };  // once the batch is in
  void hand_over(Commit commit);
  long record(Batch& batch);  // on the journal's thread

  RunTag m_tag;
  journal::Contact m_shared;
  journal::ContactAppender m_appender;
  std::vector<journal::ContactEntry> m_pending;
  long m_added = 0;
  OrderedWork<Batch, long> m_journal_thread;  // last: it stops before the rest goes
};

}  // namespace civic::letters
