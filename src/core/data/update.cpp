#include "core/data/update.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <signal.h>
#include <unistd.h>

#include "core/cancel.hpp"
#include "core/clock.hpp"
#include "core/data/archive.hpp"
#include "core/data/importers.hpp"
#include "core/modules/geometry.hpp"
#include "core/util/files.hpp"
#include "core/util/text.hpp"

namespace civic::data {
namespace fs = std::filesystem;

namespace {

constexpr const char* k_database = "reference.db";
constexpr const char* k_staging_prefix = "reference.db.new-";

// Staging files of updates that were killed before they could clean up.
void remove_abandoned_staging(const fs::path& data_dir) {
  std::error_code ec;
  for (fs::directory_iterator it(data_dir, ec), end; !ec && it != end; it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (name.rfind(k_staging_prefix, 0) != 0) {
      continue;
    }
    const auto pid = std::atol(name.c_str() + std::char_traits<char>::length(k_staging_prefix));
    if (pid <= 0 || (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)) {
      fs::remove(it->path(), ec);
    }
  }
}

// Where each dataset is read from: the mirror, or upstream.
struct DatasetSource {
  std::unique_ptr<FileTree> tree;
  std::string root;
  std::string location;
  Provenance provenance;
};

DatasetSource open_source(const DatasetSpec& spec, const UpdateOptions& options, const Env& env,
                          const std::map<std::string, Provenance>& provenance) {
  DatasetSource source;
  if (!options.from.empty()) {
    source.tree = open_tree(options.from, env.http);
    source.root = spec.mirror;
    if (auto it = provenance.find(spec.repository); it != provenance.end()) {
      source.provenance = it->second;
    }
  } else if (!spec.upstream.empty()) {
    source.tree = open_tree(spec.upstream, env.http);
  } else {
    const auto dest = options.cache_dir / "upstream" / spec.name;
    fetch_archive(env.http, spec.upstream_archive, dest, env.cancel);
    source.tree = open_tree(dest.string(), env.http);
    source.root = spec.archive_dir;
  }
  source.location = source.tree->location(source.root);
  return source;
}

DatasetRecord make_record(const DatasetSpec& spec, const DatasetSource& source, std::vector<FileRecord> files,
                          long count, const Env& env) {
  DatasetRecord record;
  record.name = spec.name;
  record.title = spec.title;
  record.source = source.location;
  record.upstream = spec.upstream.empty() ? spec.upstream_archive : spec.upstream;
  record.version = source.provenance.commit;
  record.version_date = source.provenance.date;
  record.license = spec.license;
  record.changes_often = spec.changes_often;
  record.retrieved_at = format_utc_timestamp(env.clock.now());
  record.record_count = count;
  record.sha256 = dataset_digest(files);
  record.files = std::move(files);
  return record;
}

Imported import_all(const UpdateOptions& options, const Env& env, const ProgressFn& progress) {
  std::map<std::string, Provenance> provenance;
  if (!options.from.empty()) {
    if (auto text = open_tree(options.from, env.http)->read_if_exists("PROVENANCE.md")) {
      provenance = parse_provenance(*text);
    }
  }
  const ImportContext context{utc_date(env.clock.now()), env.cancel, progress};
  Imported imported;
  for (const auto& spec : builtin_manifest()) {
    const auto importer = importer_for(spec.name);
    auto source = open_source(spec, options, env, provenance);
    DatasetFiles files(*source.tree, source.root, spec);
    auto read = importer(files, context, imported);
    imported.datasets.push_back(make_record(spec, source, std::move(read.files), read.record_count, env));
    env.cancel.throw_if_cancelled();
  }
  return imported;
}

// Boundaries get their row ids here, so the cell index can refer to them.
void number_boundaries(std::vector<geo::Boundary>& boundaries) {
  std::int64_t id = 0;
  for (auto& boundary : boundaries) {
    boundary.id = ++id;
  }
}

geo::CellIndex build_layer_cells(const std::vector<geo::Boundary>& boundaries, const char* layer) {
  std::vector<geo::CellShape> shapes;
  for (const auto& b : boundaries) {
    if (b.layer == layer) {
      shapes.push_back({b.id, b.wkb, b.bounds});
    }
  }
  return geo::geometry_module().build_cells(shapes, geo::CellParams{});
}

void write_database(const fs::path& path, const Imported& imported, const UpdateOptions& options, const Env& env) {
  ReferenceWriter writer(path);
  std::set<std::string> seen;
  for (const auto& division : imported.divisions) {
    // Two boundary pieces named as one district (a crosswalk pairing them) are one seat.
    if (seen.insert(division.id).second) {
      writer.add_division(division);
    }
  }
  seen.clear();
  std::vector<Problem> duplicates;
  std::vector<const reps::Official*> by_state;
  for (const auto& official : imported.officials) {
    by_state.push_back(&official);
  }
  std::stable_sort(by_state.begin(), by_state.end(),
                   [](const auto* a, const auto* b) { return home_state(*a) < home_state(*b); });
  for (const auto* entry : by_state) {
    const auto& official = *entry;
    if (!seen.insert(official.id).second) {
      duplicates.push_back({official.source, "person id " + official.id + " appears twice"});
      continue;
    }
    writer.add_official(official);
  }
  throw_if_problems("reference data", duplicates);
  for (const auto& boundary : imported.boundaries) {
    writer.add_boundary(boundary);
  }
  for (const char* layer : {geo::k_layer_cd, geo::k_layer_sldu, geo::k_layer_sldl}) {
    writer.add_cells(layer, build_layer_cells(imported.boundaries, layer));
  }
  for (const auto& zip : imported.zips) {
    writer.add_zip(zip);
  }
  for (const auto& good : imported.goods) {
    writer.add_good(good);
  }
  for (const auto& dataset : imported.datasets) {
    writer.add_dataset(dataset);
  }
  writer.link_roles_to_divisions();
  writer.finish(format_utc_timestamp(env.clock.now()), options.civic_version);
}

}  // namespace

namespace {

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
         c == '-';
}

bool all_of(std::string_view text, bool (*is)(char)) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is);
}

// A row "| owner/name | `commit` | 2026-06-15 | ...": the repository, commit and date.
std::optional<std::pair<std::string, Provenance>> provenance_row(std::string_view line) {
  const auto cells = text::split(line, '|');
  if (cells.size() < 5 || !cells[0].empty()) {
    return std::nullopt;
  }
  const auto repo = text::trim(cells[1]);
  const auto commit = text::trim(cells[2]);
  const auto date = text::trim(cells[3]);
  const auto slash = repo.find('/');
  const bool repo_ok = slash != std::string_view::npos && all_of(repo.substr(0, slash), word_char) &&
                       all_of(repo.substr(slash + 1), word_char);
  const auto hash = commit.size() >= 2 ? commit.substr(1, commit.size() - 2) : std::string_view();
  const bool commit_ok = commit.size() >= 9 && commit.front() == '`' && commit.back() == '`' && hash.size() <= 40 &&
                         hash.size() >= 7 && all_of(hash, [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const bool date_ok = date.size() == 10 && date[4] == '-' && date[7] == '-' &&
                       std::all_of(date.begin(), date.end(), [&](char c) { return digit(c) || c == '-'; });
  if (!repo_ok || !commit_ok || !date_ok) {
    return std::nullopt;
  }
  return std::pair{std::string(repo), Provenance{std::string(hash), std::string(date)}};
}

}  // namespace

std::map<std::string, Provenance> parse_provenance(const std::string& markdown) {
  std::map<std::string, Provenance> rows;
  for (const auto& line : text::split(markdown, '\n')) {
    if (auto row = provenance_row(line)) {
      rows.emplace(std::move(row->first), std::move(row->second));
    }
  }
  return rows;
}

UpdateSummary update_reference(const UpdateOptions& options, const Env& env, const ProgressFn& progress) {
  ensure_private_dir(options.data_dir);
  remove_abandoned_staging(options.data_dir);
  UpdateSummary summary;
  summary.database = options.data_dir / k_database;
  const auto staging = options.data_dir / (k_staging_prefix + std::to_string(::getpid()));
  try {
    auto imported = import_all(options, env, progress);
    number_boundaries(imported.boundaries);
    fs::remove(staging);
    write_database(staging, imported, options, env);
    env.cancel.throw_if_cancelled();
    commit_file(staging, summary.database);
    summary.datasets = std::move(imported.datasets);
  } catch (Error& e) {
    std::error_code ec;
    fs::remove(staging, ec);
    e.context(fs::exists(summary.database, ec)
                  ? "while updating the reference data (the previous " + summary.database.string() + " is kept)"
                  : "while building the reference data (nothing was written)");
    throw;
  } catch (...) {
    std::error_code ec;
    fs::remove(staging, ec);
    throw;
  }
  return summary;
}

}  // namespace civic::data
