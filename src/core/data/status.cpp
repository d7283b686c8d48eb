#include "core/data/status.hpp"

#include <SQLiteCpp/Statement.h>

#include "core/db/statement.hpp"

namespace civic::data {

std::vector<DatasetRecord> read_datasets(SQLite::Database& db) {
  SQLite::Statement rows(db,
                         "SELECT name, title, source, upstream, version, version_date, sha256, license, "
                         "retrieved_at, record_count, changes_often FROM dataset ORDER BY name");
  std::vector<DatasetRecord> records;
  while (rows.executeStep()) {
    DatasetRecord r;
    int i = 0;
    for (auto* field : {&r.name, &r.title, &r.source, &r.upstream, &r.version, &r.version_date, &r.sha256, &r.license,
                        &r.retrieved_at}) {
      *field = db::text(rows, i++);
    }
    r.record_count = rows.getColumn(9).getInt();
    r.changes_often = rows.getColumn(10).getInt() != 0;
    records.push_back(std::move(r));
  }
  return records;
}

DataStatus read_status(SQLite::Database& db, Date today, int max_age_days) {
  DataStatus status;
  status.built_at = db.execAndGet("SELECT value FROM meta WHERE key = 'built_at'").getString();
  status.civic_version = db.execAndGet("SELECT value FROM meta WHERE key = 'civic_version'").getString();
  status.officials = db.execAndGet("SELECT COUNT(*) FROM official").getInt();
  status.vacant_districts =
      db.execAndGet("SELECT COUNT(*) FROM division d WHERE NOT EXISTS "
                    "(SELECT 1 FROM role_division rd WHERE rd.division_id = d.id)")
          .getInt();

  SQLite::Statement counts(db, "SELECT file_count FROM dataset ORDER BY name");
  for (auto& record : read_datasets(db)) {
    DatasetAge age;
    counts.executeStep();
    age.file_count = counts.getColumn(0).getInt();
    age.as_of = record.version_date.empty() ? record.retrieved_at.substr(0, 10) : record.version_date;
    if (const auto from = parse_date(age.as_of)) {
      age.age_days = days_between(*from, today);
    }
    age.stale = record.changes_often && age.age_days > max_age_days;
    age.record = std::move(record);
    status.datasets.push_back(std::move(age));
  }

  SQLite::Statement ended(db,
                          "SELECT o.id, o.name, r.title, r.state, r.district, r.end_date FROM role r "
                          "JOIN official o ON o.id = r.official_id "
                          "WHERE r.end_date != '' AND r.end_date < ? ORDER BY r.end_date, o.name");
  ended.bind(1, format_date(today));
  while (ended.executeStep()) {
    status.ended_terms.push_back({db::text(ended, 0), db::text(ended, 1), db::text(ended, 2), db::text(ended, 3),
                                  db::text(ended, 4), db::text(ended, 5)});
  }
  return status;
}

}  // namespace civic::data
