#include "core/data/reference_db.hpp"

#include <algorithm>
#include <map>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "core/db/statement.hpp"
#include "core/error.hpp"
#include "core/reps/district_key.hpp"
#include "core/util/sha256.hpp"

namespace civic::data {
namespace fs = std::filesystem;

namespace {

constexpr const char* k_schema = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE dataset (
  name TEXT PRIMARY KEY, title TEXT NOT NULL, source TEXT NOT NULL, upstream TEXT NOT NULL,
  version TEXT NOT NULL, version_date TEXT NOT NULL, sha256 TEXT NOT NULL, license TEXT NOT NULL,
  changes_often INTEGER NOT NULL, retrieved_at TEXT NOT NULL, record_count INTEGER NOT NULL, file_count INTEGER NOT NULL);
CREATE TABLE dataset_file (
  dataset TEXT NOT NULL REFERENCES dataset(name), path TEXT NOT NULL, bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL, PRIMARY KEY (dataset, path));
CREATE TABLE official (
  id TEXT PRIMARY KEY, home_state TEXT NOT NULL, name TEXT NOT NULL, given_name TEXT NOT NULL, family_name TEXT NOT NULL,
  middle_name TEXT NOT NULL, suffix TEXT NOT NULL, nickname TEXT NOT NULL, gender TEXT NOT NULL,
  birthday TEXT NOT NULL, party TEXT NOT NULL, email TEXT NOT NULL, image TEXT NOT NULL, source TEXT NOT NULL);
CREATE TABLE role (
  id INTEGER PRIMARY KEY, official_id TEXT NOT NULL REFERENCES official(id), home_state TEXT NOT NULL,
  level TEXT NOT NULL, state TEXT NOT NULL, chamber TEXT NOT NULL, district TEXT NOT NULL,
  district_key TEXT NOT NULL, title TEXT NOT NULL, party TEXT NOT NULL, start_date TEXT NOT NULL,
  end_date TEXT NOT NULL, senate_class INTEGER, state_rank TEXT NOT NULL, source TEXT NOT NULL);
CREATE INDEX role_by_seat ON role (state, chamber, district_key);
CREATE INDEX role_by_official ON role (official_id);
CREATE INDEX role_by_home ON role (home_state);
CREATE INDEX official_by_home ON official (home_state);
CREATE TABLE division (
  id TEXT PRIMARY KEY, state TEXT NOT NULL, chamber TEXT NOT NULL, district TEXT NOT NULL,
  district_key TEXT NOT NULL, name TEXT NOT NULL, census_geoid TEXT NOT NULL, source TEXT NOT NULL);
CREATE INDEX division_by_seat ON division (state, chamber, district_key);
CREATE TABLE role_division (
  role_id INTEGER NOT NULL REFERENCES role(id), division_id TEXT NOT NULL REFERENCES division(id),
  PRIMARY KEY (role_id, division_id));
CREATE INDEX role_division_by_division ON role_division (division_id);
CREATE TABLE office (
  id INTEGER PRIMARY KEY, official_id TEXT NOT NULL REFERENCES official(id), home_state TEXT NOT NULL, kind TEXT NOT NULL,
  name TEXT NOT NULL, address TEXT NOT NULL, street TEXT NOT NULL, city TEXT NOT NULL, state TEXT NOT NULL,
  zip TEXT NOT NULL, phone TEXT NOT NULL, fax TEXT NOT NULL, hours TEXT NOT NULL, lat REAL, lon REAL,
  source TEXT NOT NULL);
CREATE INDEX office_by_official ON office (official_id);
CREATE INDEX office_by_home ON office (home_state);
CREATE TABLE link (
  id INTEGER PRIMARY KEY, official_id TEXT NOT NULL REFERENCES official(id), home_state TEXT NOT NULL, kind TEXT NOT NULL,
  url TEXT NOT NULL, note TEXT NOT NULL, source TEXT NOT NULL);
CREATE INDEX link_by_official ON link (official_id);
CREATE INDEX link_by_home ON link (home_state);
CREATE TABLE social (
  id INTEGER PRIMARY KEY, official_id TEXT NOT NULL REFERENCES official(id), home_state TEXT NOT NULL, platform TEXT NOT NULL,
  account TEXT NOT NULL, source TEXT NOT NULL);
CREATE INDEX social_by_official ON social (official_id);
CREATE INDEX social_by_home ON social (home_state);
CREATE TABLE identifier (
  id INTEGER PRIMARY KEY, official_id TEXT NOT NULL REFERENCES official(id), home_state TEXT NOT NULL, scheme TEXT NOT NULL,
  value TEXT NOT NULL, source TEXT NOT NULL);
CREATE INDEX identifier_by_official ON identifier (official_id);
CREATE INDEX identifier_by_home ON identifier (home_state);
CREATE INDEX identifier_by_value ON identifier (scheme, value);
CREATE TABLE boundary (
  id INTEGER PRIMARY KEY, layer TEXT NOT NULL, state TEXT NOT NULL, geoid TEXT NOT NULL,
  division_id TEXT NOT NULL, district TEXT NOT NULL, name TEXT NOT NULL, vintage TEXT NOT NULL,
  repaired INTEGER NOT NULL, vertices INTEGER NOT NULL, source TEXT NOT NULL);
CREATE INDEX boundary_by_geoid ON boundary (layer, geoid);
CREATE INDEX boundary_by_division ON boundary (division_id);
CREATE TABLE cell_leaves (key INTEGER PRIMARY KEY, leaves BLOB NOT NULL);
CREATE TABLE cell_pieces (key INTEGER PRIMARY KEY, pieces BLOB NOT NULL);
CREATE TABLE zip_district (
  zcta TEXT NOT NULL, state TEXT NOT NULL, division_id TEXT NOT NULL, source TEXT NOT NULL,
  PRIMARY KEY (zcta, division_id)) WITHOUT ROWID;
CREATE TABLE labor_good (
  good TEXT NOT NULL, sector TEXT NOT NULL, country TEXT NOT NULL, region TEXT NOT NULL,
  child_labor INTEGER NOT NULL, forced_labor INTEGER NOT NULL, forced_child_labor INTEGER NOT NULL,
  tainted_input_country TEXT NOT NULL, source TEXT NOT NULL);
)sql";

SQLite::Database create_database(const fs::path& path) {
  SQLite::Database database(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  // A scratch file until finish() renames it into place, so durability
  // during the build buys nothing.
  database.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
  database.exec(k_schema);
  return database;
}

}  // namespace

std::string home_state(const reps::Official& official) {
  return official.roles.empty() ? "" : official.roles.front().state;
}

std::string dataset_digest(std::vector<FileRecord> files) {
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  Sha256 hash;
  for (const auto& file : files) {
    hash.update(file.sha256 + "  " + file.path + "\n");
  }
  return hash.hex();
}

struct ReferenceWriter::Impl {
  explicit Impl(const fs::path& path)
      : db(create_database(path)),
        transaction(db),
        official(db, "INSERT INTO official VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        role(db, "INSERT INTO role (official_id, home_state, level, state, chamber, district, district_key, title, party, "
                 "start_date, end_date, senate_class, state_rank, source) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        office(db, "INSERT INTO office (official_id, home_state, kind, name, address, street, city, state, zip, phone, fax, "
                   "hours, lat, lon, source) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        link(db, "INSERT INTO link (official_id, home_state, kind, url, note, source) VALUES (?,?,?,?,?,?)"),
        social(db, "INSERT INTO social (official_id, home_state, platform, account, source) VALUES (?,?,?,?,?)"),
        identifier(db, "INSERT INTO identifier (official_id, home_state, scheme, value, source) VALUES (?,?,?,?,?)"),
        division(db, "INSERT INTO division VALUES (?,?,?,?,?,?,?,?)"),
        boundary(db, "INSERT INTO boundary (id, layer, state, geoid, division_id, district, name, vintage, "
                     "repaired, vertices, source) VALUES (?,?,?,?,?,?,?,?,?,?,?)"),
        zip(db, "INSERT OR IGNORE INTO zip_district VALUES (?,?,?,?)"),
        good(db, "INSERT INTO labor_good VALUES (?,?,?,?,?,?,?,?,?)") {}

  SQLite::Database db;
  SQLite::Transaction transaction;
  SQLite::Statement official, role, office, link, social, identifier, division, boundary, zip, good;
};

ReferenceWriter::ReferenceWriter(const fs::path& path) : m_impl(std::make_unique<Impl>(path)) {}
ReferenceWriter::~ReferenceWriter() = default;

void ReferenceWriter::add_official(const reps::Official& o) {
  auto& m = *m_impl;
  const auto home = home_state(o);
  db::exec(m.official, o.id, home, o.name, o.given_name, o.family_name, o.middle_name, o.suffix, o.nickname, o.gender,
           o.birthday, o.party, o.email, o.image, o.source);
  for (const auto& r : o.roles) {
    db::exec(m.role, o.id, home, reps::to_string(r.level), r.state, reps::to_string(r.chamber), r.district, r.district_key,
             r.title, r.party, r.start_date, r.end_date, r.senate_class, r.state_rank, r.source);
  }
  for (const auto& f : o.offices) {
    db::exec(m.office, o.id, home, f.kind, f.name, f.address, f.street, f.city, f.state, f.zip, f.phone, f.fax, f.hours,
             f.lat, f.lon, f.source);
  }
  for (const auto& l : o.links) {
    db::exec(m.link, o.id, home, l.kind, l.url, l.note, l.source);
  }
  for (const auto& s : o.social) {
    db::exec(m.social, o.id, home, s.platform, s.account, s.source);
  }
  for (const auto& id : o.ids) {
    db::exec(m.identifier, o.id, home, id.scheme, id.value, id.source);
  }
}

void ReferenceWriter::add_division(const reps::Division& d) {
  db::exec(m_impl->division, d.id, d.state, reps::to_string(d.chamber), d.district, d.district_key, d.name,
           d.census_geoid, d.source);
}

void ReferenceWriter::add_boundary(const geo::Boundary& b) {
  auto& m = *m_impl;
  // The polygon itself is stored cut into cells (add_cells).
  db::exec(m.boundary, b.id, b.layer, b.state, b.geoid, b.division_id, b.district, b.name, b.vintage, b.repaired,
           b.vertices, b.source);
}

void ReferenceWriter::add_cells(const std::string& layer, const geo::CellIndex& cells) {
  const auto layer_no = static_cast<std::size_t>(
      std::find(std::begin(geo::k_cell_layers), std::end(geo::k_cell_layers), layer) - std::begin(geo::k_cell_layers));
  SQLite::Statement pack(m_impl->db, "INSERT INTO cell_leaves VALUES (?,?)");
  const std::span<const geo::CellLeaf> leaves(cells.leaves);
  for (std::size_t i = 0; i < leaves.size(); i += geo::k_leaves_per_row) {
    const auto run = leaves.subspan(i, std::min(geo::k_leaves_per_row, leaves.size() - i));
    db::exec(pack, geo::cell_key(layer_no, run.front().start), db::Blob{geo::pack_leaves(run)});
  }
  // The pieces of each mixed leaf in one row, keyed by layer and leaf.
  SQLite::Statement rows(m_impl->db, "INSERT INTO cell_pieces VALUES (?,?)");
  std::vector<const geo::CellPiece*> group;
  for (std::size_t i = 0; i < cells.pieces.size(); ++i) {
    group.push_back(&cells.pieces[i]);
    if (i + 1 == cells.pieces.size() || cells.pieces[i + 1].start != cells.pieces[i].start) {
      db::exec(rows, geo::cell_key(layer_no, cells.pieces[i].start), db::Blob{geo::pack_pieces(group)});
      group.clear();
    }
  }
}

void ReferenceWriter::add_zip(const ZipDistrict& z) {
  db::exec(m_impl->zip, z.zcta, z.state, z.division_id, z.source);
}

void ReferenceWriter::add_good(const goods::LaborGood& g) {
  db::exec(m_impl->good, g.good, g.sector, g.country, g.region, g.child_labor, g.forced_labor, g.forced_child_labor,
           g.tainted_input_country, g.source);
}

void ReferenceWriter::add_dataset(const DatasetRecord& d) {
  SQLite::Statement dataset(m_impl->db, "INSERT INTO dataset VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
  db::exec(dataset, d.name, d.title, d.source, d.upstream, d.version, d.version_date, d.sha256, d.license,
           d.changes_often ? 1 : 0, d.retrieved_at, d.record_count, d.files.size());
  SQLite::Statement file(m_impl->db, "INSERT INTO dataset_file VALUES (?,?,?,?)");
  for (const auto& f : d.files) {
    db::exec(file, d.name, f.path, f.bytes, f.sha256);
  }
}

void ReferenceWriter::link_roles_to_divisions() {
  // Districts by (state, chamber); a role links to every district whose key
  // matches its own (exactly, or as seat/subdistrict of it).
  std::map<std::pair<std::string, std::string>, std::vector<std::pair<std::string, std::string>>> divisions;
  SQLite::Statement d(m_impl->db, "SELECT state, chamber, district_key, id FROM division");
  while (d.executeStep()) {
    divisions[{d.getColumn(0).getString(), d.getColumn(1).getString()}].emplace_back(d.getColumn(2).getString(),
                                                                                      d.getColumn(3).getString());
  }
  SQLite::Statement roles(m_impl->db,
                          "SELECT id, state, chamber, district_key FROM role WHERE chamber IN "
                          "('house', 'upper', 'lower')");
  SQLite::Statement insert(m_impl->db, "INSERT INTO role_division VALUES (?, ?)");
  while (roles.executeStep()) {
    const auto it = divisions.find({roles.getColumn(1).getString(), roles.getColumn(2).getString()});
    if (it == divisions.end()) {
      continue;
    }
    const auto key = db::text(roles, 3);
    const auto role_id = roles.getColumn(0).getInt64();
    bool linked = false;
    for (const auto& [division_key, division_id] : it->second) {
      if (reps::district_keys_match(key, division_key)) {
        db::exec(insert, role_id, division_id);
        linked = true;
      }
    }
    for (const auto& [division_key, division_id] : it->second) {
      if (!linked && reps::district_keys_same_words(key, division_key)) {
        db::exec(insert, role_id, division_id);
        linked = true;
      }
    }
  }
}

void ReferenceWriter::finish(const std::string& built_at, const std::string& civic_version) {
  {
    SQLite::Statement meta(m_impl->db, "INSERT INTO meta VALUES (?, ?)");
    db::exec(meta, "built_at", built_at);
    db::exec(meta, "civic_version", civic_version);
    db::exec(meta, "schema_version", std::to_string(k_reference_schema_version));
  }
  m_impl->db.exec("PRAGMA application_id = " + std::to_string(k_reference_application_id));
  m_impl->db.exec("PRAGMA user_version = " + std::to_string(k_reference_schema_version));
  m_impl->transaction.commit();
  m_impl->db.exec("ANALYZE");
  m_impl.reset();
}

SQLite::Database open_reference(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    throw Error("no reference data yet: " + path.string() + " does not exist")
        .hint("run 'civic data update' (add --from DIR to import a local mirror)");
  }
  // One connection per command and no threads sharing it: no mutexes.
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX);
  const int app_id = db.execAndGet("PRAGMA application_id").getInt();
  const int version = db.execAndGet("PRAGMA user_version").getInt();
  if (app_id != k_reference_application_id) {
    throw Error(path.string() + " is not a civic reference database")
        .hint("move it aside and run 'civic data update'");
  }
  if (version != k_reference_schema_version) {
    throw Error(path.string() + " was built by another version of civic (schema " + std::to_string(version) +
                ", this civic reads " + std::to_string(k_reference_schema_version) + ")")
        .hint("run 'civic data update' to rebuild it");
  }
  return db;
}

}  // namespace civic::data
