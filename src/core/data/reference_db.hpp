#pragma once
// reference.db: the open data, imported. Regenerable, so it is never
// migrated: a file with another schema version is refused and rebuilt by
// `civic data update`.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/geo/boundary.hpp"
#include "core/geo/cells.hpp"
#include "core/goods/goods.hpp"
#include "core/reps/model.hpp"

namespace civic::data {

inline constexpr int k_reference_schema_version = 4;  // 4: leaves deeper than the piece cells, stored in runs
inline constexpr int k_reference_application_id = 0x43495652;  // "CIVR"

struct FileRecord {
  std::string path;  // relative to the dataset root
  std::size_t bytes = 0;
  std::string sha256;
};

struct DatasetRecord {
  std::string name;
  std::string title;
  std::string source;        // the directory or URL it was read from
  std::string upstream;      // the manifest's upstream location
  std::string version;       // commit, when known
  std::string version_date;  // the commit's date, when known
  std::string sha256;        // over the files read, see dataset_digest()
  std::string license;
  bool changes_often = false;
  std::string retrieved_at;  // UTC timestamp
  long record_count = 0;
  std::vector<FileRecord> files;
};

// The state an official's rows are filed under: that of the first role.
// Every per-official table carries it, and update writes officials in
// state order, so one state's rows sit together on disk and a lookup
// reads a few contiguous pages instead of hundreds of scattered ones.
std::string home_state(const reps::Official& official);

// A ZIP code tabulation area and one congressional district it touches.
struct ZipDistrict {
  std::string zcta;
  std::string state;
  std::string division_id;
  std::string source;
};

// sha256 over the `sha256sum`-style lines of the files, sorted by path.
std::string dataset_digest(std::vector<FileRecord> files);

// Writes a new reference database in one transaction.
class ReferenceWriter {
public:
  explicit ReferenceWriter(const std::filesystem::path& path);
  ~ReferenceWriter();
  ReferenceWriter(const ReferenceWriter&) = delete;
  ReferenceWriter& operator=(const ReferenceWriter&) = delete;

  void add_official(const reps::Official& official);
  void add_division(const reps::Division& division);
  void add_boundary(const geo::Boundary& boundary);
  void add_cells(const std::string& layer, const geo::CellIndex& cells);
  void add_zip(const ZipDistrict& zip);
  void add_good(const goods::LaborGood& good);
  void add_dataset(const DatasetRecord& dataset);
  // Ties each imported state or federal role to the districts it sits in.
  void link_roles_to_divisions();
  // Commits and closes; the file is complete afterwards.
  void finish(const std::string& built_at, const std::string& civic_version);

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// Opens reference.db for reading; throws with a hint when it is missing,
// foreign, or from another schema version.
SQLite::Database open_reference(const std::filesystem::path& path);

}  // namespace civic::data
