#include "core/journal/stats.hpp"

#include "core/db/statement.hpp"

namespace civic::journal {
namespace {

constexpr const char* k_where =
    " FROM contact WHERE deleted_at IS NULL AND (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR bill = ?2) AND "
    "(?3 IS NULL OR official_id = ?3 COLLATE NOCASE) AND (?4 IS NULL OR channel = ?4)";

constexpr const char* k_counts =
    "count(*), sum(channel NOT IN ('call', 'visit')), "
    "sum(channel NOT IN ('call', 'visit') AND outcome = 'replied')";

std::vector<Tally> tallies(SQLite::Database& db, const ContactFilter& filter, const std::string& key,
                           const std::string& label) {
  SQLite::Statement s(db, "SELECT " + key + ", " + label + ", " + k_counts + k_where + " GROUP BY " + key +
                              " ORDER BY count(*) DESC, " + key);
  db::bind_value(s, 1, filter.since);
  db::bind_value(s, 2, filter.bill);
  db::bind_value(s, 3, filter.official_id);
  db::bind_value(s, 4, filter.channel);
  std::vector<Tally> out;
  while (s.executeStep()) {
    out.push_back({db::text(s, 0), db::text(s, 1), s.getColumn(2).getInt64(), s.getColumn(3).getInt64(),
                   s.getColumn(4).getInt64()});
  }
  return out;
}

}  // namespace

JournalStats journal_stats(SQLite::Database& db, const ContactFilter& filter) {
  JournalStats stats;
  auto total = tallies(db, filter, "'all'", "''");
  if (!total.empty()) {
    stats.total = total.front();
  }
  // The latest snapshot names the official: the title they hold now, or held last.
  stats.by_official = tallies(db, filter, "official_id",
                              "(SELECT official_title || ' ' || official_name || CASE official_state WHEN '' THEN '' "
                              "ELSE ' (' || official_state || CASE official_district WHEN '' THEN '' ELSE '-' || "
                              "official_district END || ')' END FROM contact AS latest WHERE latest.official_id = "
                              "contact.official_id ORDER BY at DESC LIMIT 1)");
  stats.by_bill = tallies(db, filter, "coalesce(bill, '')", "CASE WHEN bill IS NULL THEN '(no bill)' ELSE '' END");
  stats.by_channel = tallies(db, filter, "channel", "''");
  return stats;
}

std::optional<double> reply_rate(const Tally& tally) {
  if (tally.written == 0) {
    return std::nullopt;
  }
  return static_cast<double>(tally.replied) / static_cast<double>(tally.written);
}

}  // namespace civic::journal
