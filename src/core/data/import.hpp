#pragma once
// The importers: each reads one dataset through a FileTree and returns
// officials or divisions in memory, plus its provenance record. Nothing is
// written here; update.cpp writes the database.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/data/file_tree.hpp"
#include "core/data/manifest.hpp"
#include "core/data/reference_db.hpp"
#include "core/error.hpp"
#include "core/geo/boundary.hpp"
#include "core/geo/crosswalk.hpp"
#include "core/geo/vector_file.hpp"
#include "core/goods/goods.hpp"
#include "core/reps/model.hpp"

namespace civic {
class CancelToken;
}

namespace civic::data {

struct ImportProgress {
  std::string dataset;
  std::size_t done = 0;
  std::size_t total = 0;
};
using ProgressFn = std::function<void(const ImportProgress&)>;

// One dataset's files, read through a tree under a root folder. Every read
// is recorded (size and sha256) for the provenance record.
class DatasetFiles {
public:
  DatasetFiles(FileTree& tree, std::string root, const DatasetSpec& spec);

  std::string read(const std::string& rel);
  std::optional<std::string> read_if_exists(const std::string& rel);
  std::vector<std::string> list(const std::string& rel, EntryKind kind);
  // "dataset/rel", the source recorded on every imported fact.
  std::string source_of(const std::string& rel) const { return m_spec.name + "/" + rel; }
  std::string location() const { return m_tree.location(m_root); }
  const DatasetSpec& spec() const { return m_spec; }
  std::vector<FileRecord> take_files() { return std::move(m_files); }

private:
  std::string path_of(const std::string& rel) const { return m_root.empty() ? rel : m_root + "/" + rel; }

  FileTree& m_tree;
  std::string m_root;
  const DatasetSpec& m_spec;
  std::vector<FileRecord> m_files;
};

struct ImportContext {
  Date today;
  const CancelToken& cancel;
  ProgressFn progress;
};

struct OfficialsImport {
  std::vector<reps::Official> officials;
  std::vector<FileRecord> files;
  long record_count = 0;
};

struct DivisionsImport {
  std::vector<reps::Division> divisions;
  std::vector<geo::Boundary> boundaries;
  std::vector<FileRecord> files;
  long record_count = 0;
};

struct ZipImport {
  std::vector<ZipDistrict> rows;
  std::vector<FileRecord> files;
  long record_count = 0;
};

struct GoodsImport {
  std::vector<goods::LaborGood> rows;
  std::vector<FileRecord> files;
  long record_count = 0;
};

struct CrosswalkImport {
  geo::Crosswalk crosswalk;
  std::vector<FileRecord> files;
  long record_count = 0;
};

// Each throws an Error listing every problem found when any entry is unusable.
OfficialsImport import_congress(DatasetFiles& files, const ImportContext& context);
OfficialsImport import_openstates(DatasetFiles& files, const ImportContext& context);
// The congressional districts of the current Congress.
DivisionsImport import_congressional_districts(DatasetFiles& files, const ImportContext& context);
CrosswalkImport import_crosswalk(DatasetFiles& files, const ImportContext& context);
// The state legislative districts of the boundary files, named through the
// crosswalk, with their polygons (repaired where invalid).
DivisionsImport import_state_districts(DatasetFiles& files, const geo::Crosswalk& crosswalk,
                                       const ImportContext& context);
// The congressional district polygons (no divisions: those come from the ids).
DivisionsImport import_cd_boundaries(DatasetFiles& files, const ImportContext& context);
// ZIP code tabulation areas and the congressional districts each touches.
ZipImport import_zip_districts(DatasetFiles& files, const ImportContext& context);
// The Labor Department's list of goods made with child or forced labor.
GoodsImport import_goods(DatasetFiles& files, const ImportContext& context);

// The polygon of a feature, repaired and bounded, as a Boundary.
geo::Boundary make_boundary(const geo::Feature& feature, const std::string& source);

// Throws one Error summarising the problems of a dataset, when there are any.
void throw_if_problems(const std::string& dataset, const std::vector<Problem>& problems);

// How every importer ends: fail on problems, then record the count and the
// files read, and report the dataset done.
template <class Result>
Result finish_import(DatasetFiles& files, const ImportContext& context, const std::vector<Problem>& problems,
                     Result result, std::size_t count) {
  throw_if_problems(files.spec().name, problems);
  result.record_count = static_cast<long>(count);
  result.files = files.take_files();
  if (context.progress) {
    context.progress({files.spec().name, count, count});
  }
  return result;
}

}  // namespace civic::data
