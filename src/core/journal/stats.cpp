#include "core/journal/stats.hpp"

#include <algorithm>
#include <map>

#include "core/db/statement.hpp"
#include "core/vocabulary.hpp"

namespace civic::journal {
namespace {

// One pass over the contact_summary index, without touching the table.
constexpr const char* k_rows =
    "SELECT official_id, coalesce(bill, ''), channel, coalesce(outcome, '') FROM contact INDEXED BY contact_summary "
    "WHERE deleted_at IS NULL AND (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR bill = ?2) AND (?3 IS NULL OR "
    "official_id = ?3 COLLATE NOCASE) AND (?4 IS NULL OR channel = ?4)";

// What one contact adds to a tally: one, and whether it was written and replied to.
struct Counted {
  long written = 0;
  long replied = 0;
};

void count(Tally& tally, Counted counted) {
  ++tally.contacts;
  tally.written += counted.written;
  tally.replied += counted.replied;
}

std::vector<Tally> ranked(std::map<std::string, Tally>& tallies) {
  std::vector<Tally> out;
  for (auto& [key, tally] : tallies) {
    tally.key = key;
    out.push_back(std::move(tally));
  }
  std::stable_sort(out.begin(), out.end(), [](const Tally& a, const Tally& b) { return a.contacts > b.contacts; });
  return out;
}

// The official as their newest contact names them.
std::string official_label(SQLite::Statement& latest, const std::string& id) {
  latest.bind(1, id);
  std::string label;
  if (latest.executeStep()) {
    const auto state = db::text(latest, 2);
    const auto district = db::text(latest, 3);
    label = db::text(latest, 0) + " " + db::text(latest, 1);
    if (!state.empty()) {
      label += " (" + state + (district.empty() ? "" : "-" + district) + ")";
    }
  }
  latest.reset();
  return label;
}

}  // namespace

JournalStats journal_stats(SQLite::Database& db, const ContactFilter& filter) {
  SQLite::Statement rows(db, k_rows);
  db::bind_value(rows, 1, filter.since);
  db::bind_value(rows, 2, filter.bill);
  db::bind_value(rows, 3, filter.official_id);
  db::bind_value(rows, 4, filter.channel);
  JournalStats stats;
  stats.total.key = "all";
  std::map<std::string, Tally> officials;
  std::map<std::string, Tally> bills;
  std::map<std::string, Tally> channels;
  while (rows.executeStep()) {
    const auto channel = rows.getColumn(2).getString();
    const bool written = written_channel(parse_channel(channel).value_or(Channel::letter));
    const bool replied = written && rows.getColumn(3).getString() == "replied";
    const Counted counted{written ? 1 : 0, replied ? 1 : 0};
    count(stats.total, counted);
    count(officials[rows.getColumn(0).getString()], counted);
    count(bills[rows.getColumn(1).getString()], counted);
    count(channels[channel], counted);
  }
  stats.by_official = ranked(officials);
  stats.by_bill = ranked(bills);
  stats.by_channel = ranked(channels);
  // The official as their latest contact names them, found in the summary
  // index alone (the latest time, then the last row id at that time) and
  // then read: one row per official, even when a campaign gave hundreds of
  // their contacts the same time.
  SQLite::Statement latest(db,
                           "SELECT official_title, official_name, official_state, official_district FROM contact "
                           "WHERE id = (SELECT max(id) FROM contact INDEXED BY contact_summary WHERE official_id = ?1 "
                           "AND deleted_at IS NULL AND at = (SELECT max(at) FROM contact INDEXED BY contact_summary "
                           "WHERE official_id = ?1 AND deleted_at IS NULL))");
  for (auto& tally : stats.by_official) {
    tally.label = official_label(latest, tally.key);
  }
  for (auto& tally : stats.by_bill) {
    tally.label = tally.key.empty() ? "(no bill)" : "";
  }
  return stats;
}

std::optional<double> reply_rate(const Tally& tally) {
  if (tally.written == 0) {
    return std::nullopt;
  }
  return static_cast<double>(tally.replied) / static_cast<double>(tally.written);
}

}  // namespace civic::journal
