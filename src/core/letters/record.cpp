#include "core/letters/record.hpp"

#include "core/util/stable_id.hpp"

namespace civic::letters {
namespace {

// Inserting into every index of a large table: keep its pages in memory
// instead of reading them back from the file again and again. 32 MB holds
// what 300,000 rows touch (64 MB was no faster, 16 MB a fifth slower).
SQLite::Database& with_large_cache(SQLite::Database& journal) {
  journal.exec("PRAGMA cache_size = -32768");
  return journal;
}

}  // namespace

std::vector<journal::Contact> drafted_contacts(const std::vector<RenderedLetter>& letters,
                                               const std::vector<std::string>& paths, const std::string& at) {
  std::vector<journal::Contact> contacts;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    const auto& letter = letters[i];
    journal::Contact contact;
    contact.at = at;
    contact.official = letter.meta.target->official;
    contact.channel = letter.from->channel;
    contact.bill = letter.from->bill->id.canonical();
    contact.stance = letter.from->stance;
    contact.outcome = Outcome::drafted;
    contact.notes = i < paths.size() ? paths[i] : "";
    contact.origin = "letter";
    contacts.push_back(std::move(contact));
  }
  return contacts;
}

journal::Contact run_contact(const RunTag& tag, const std::string& at) {
  journal::Contact c;
  c.at = at;
  c.channel = tag.channel;
  c.bill = tag.bill;
  c.stance = tag.stance;
  c.outcome = Outcome::drafted;
  c.campaign = tag.name;
  c.origin = "campaign";
  return c;
}

void add_run_entries(const std::vector<RenderedLetter>& letters, const RunTag& tag,
                     std::vector<journal::ContactEntry>& out) {
  const std::string channel(to_string(tag.channel));
  for (const auto& rendered : letters) {
    const auto& letter = rendered.meta;
    out.push_back({std::shared_ptr<const journal::OfficialSnapshot>(letter.target, &letter.target->official),
                   stable_id("campaign|" + tag.name + "|" + letter.supporter_id + "|" + letter.target->official.id +
                             "|" + tag.bill + "|" + channel),
                   "for supporter " + letter.supporter_id});
  }
}

RunRecorder::RunRecorder(SQLite::Database& journal, RunTag tag, const std::string& at)
    : m_tag(std::move(tag)),
      m_shared(run_contact(m_tag, at)),
      m_appender(with_large_cache(journal), at, k_rows_per_commit),
      m_journal_thread(1, k_queued, [this](unsigned, Batch& batch) { return record(batch); }) {}

RunRecorder::~RunRecorder() = default;

void RunRecorder::add(const std::vector<RenderedLetter>& letters) {
  add_run_entries(letters, m_tag, m_pending);
  if (m_pending.size() >= k_batch) {
    hand_over(Commit::no);
  }
}

void RunRecorder::start_rest() { hand_over(Commit::yes); }

void RunRecorder::flush() {
  hand_over(Commit::yes);
  m_journal_thread.drain([this](long added) { m_added += added; });
}

void RunRecorder::hand_over(Commit commit) {
  Batch batch{std::exchange(m_pending, {}), commit == Commit::yes};
  m_pending.reserve(k_batch);
  m_journal_thread.submit(std::move(batch), [this](long added) { m_added += added; });
}

long RunRecorder::record(Batch& batch) {
  const long added = batch.entries.empty() ? 0 : m_appender.add_new(m_shared, batch.entries);
  if (batch.commit) {
    m_appender.commit();
  }
  return added;
}

}  // namespace civic::letters
