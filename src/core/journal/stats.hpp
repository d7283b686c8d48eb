#pragma once
// The journal in numbers: contacts per official, bill and channel, and how
// often written contacts got a reply.

#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/journal/contact.hpp"

namespace civic::journal {

struct Tally {
  std::string key;    // official id, bill id or channel
  std::string label;  // "U.S. Senator Maria Cantwell (WA)" for officials; "(no bill)"
  long contacts = 0;
  long written = 0;  // letters, emails, forms, faxes: the ones a reply can answer
  long replied = 0;
};

struct JournalStats {
  Tally total;
  std::vector<Tally> by_official;  // most contacted first
  std::vector<Tally> by_bill;
  std::vector<Tally> by_channel;
};

// Over the contacts the filter selects (deleted ones never count).
JournalStats journal_stats(SQLite::Database& db, const ContactFilter& filter);

// replied / written, or nullopt when nothing was written.
std::optional<double> reply_rate(const Tally& tally);

}  // namespace civic::journal
