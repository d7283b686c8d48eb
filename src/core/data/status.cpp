#include "core/data/status.hpp"

#include <SQLiteCpp/Statement.h>

#include "core/db/statement.hpp"

namespace civic::data {

DataStatus read_status(SQLite::Database& db, Date today, int max_age_days) {
  DataStatus status;
  status.built_at = db.execAndGet("SELECT value FROM meta WHERE key = 'built_at'").getString();
  status.civic_version = db.execAndGet("SELECT value FROM meta WHERE key = 'civic_version'").getString();
  status.officials = db.execAndGet("SELECT COUNT(*) FROM official").getInt();
  status.vacant_districts =
      db.execAndGet("SELECT COUNT(*) FROM division d WHERE NOT EXISTS "
                    "(SELECT 1 FROM role_division rd WHERE rd.division_id = d.id)")
          .getInt();

  SQLite::Statement datasets(db,
                             "SELECT name, title, source, upstream, version, version_date, sha256, license, "
                             "retrieved_at, record_count, file_count, changes_often FROM dataset ORDER BY name");
  while (datasets.executeStep()) {
    DatasetAge age;
    auto& r = age.record;
    r.name = db::text(datasets, 0);
    r.title = db::text(datasets, 1);
    r.source = db::text(datasets, 2);
    r.upstream = db::text(datasets, 3);
    r.version = db::text(datasets, 4);
    r.version_date = db::text(datasets, 5);
    r.sha256 = db::text(datasets, 6);
    r.license = db::text(datasets, 7);
    r.retrieved_at = db::text(datasets, 8);
    r.record_count = datasets.getColumn(9).getInt();
    age.file_count = datasets.getColumn(10).getInt();
    age.as_of = r.version_date.empty() ? r.retrieved_at.substr(0, 10) : r.version_date;
    if (const auto from = parse_date(age.as_of)) {
      age.age_days = days_between(*from, today);
    }
    r.changes_often = datasets.getColumn(11).getInt() != 0;
    age.stale = r.changes_often && age.age_days > max_age_days;
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
