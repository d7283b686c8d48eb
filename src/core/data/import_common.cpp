#include <algorithm>

#include "core/data/import.hpp"
#include "core/modules/geometry.hpp"
#include "core/util/sha256.hpp"

namespace civic::data {

DatasetFiles::DatasetFiles(FileTree& tree, std::string root, const DatasetSpec& spec)
    : m_tree(tree), m_root(std::move(root)), m_spec(spec) {}

std::string DatasetFiles::read(const std::string& rel) {
  auto content = m_tree.read(path_of(rel));
  m_files.push_back(FileRecord{rel, content.size(), sha256_hex(content)});
  return content;
}

std::optional<std::string> DatasetFiles::read_if_exists(const std::string& rel) {
  auto content = m_tree.read_if_exists(path_of(rel));
  if (content) {
    m_files.push_back(FileRecord{rel, content->size(), sha256_hex(*content)});
  }
  return content;
}

std::vector<std::string> DatasetFiles::list(const std::string& rel, EntryKind kind) {
  return m_tree.list(path_of(rel), kind);
}

geo::Boundary make_boundary(const geo::Feature& feature, const std::string& source) {
  if (feature.wkb.empty()) {
    throw Error("a district without a geometry");
  }
  auto normalized = geo::geometry_module().normalize(feature.wkb);
  geo::Boundary boundary;
  boundary.wkb = std::move(normalized.wkb);
  boundary.bounds = normalized.bounds;
  boundary.repaired = normalized.repaired;
  boundary.vertices = normalized.vertices;
  boundary.source = source;
  return boundary;
}

void throw_if_problems(const std::string& dataset, const std::vector<Problem>& problems) {
  if (problems.empty()) {
    return;
  }
  constexpr std::size_t k_shown = 20;
  std::string message = dataset + ": " + std::to_string(problems.size()) +
                        (problems.size() == 1 ? " entry" : " entries") + " could not be imported";
  for (std::size_t i = 0; i < std::min(problems.size(), k_shown); ++i) {
    message += "\n  " + to_string(problems[i]);
  }
  if (problems.size() > k_shown) {
    message += "\n  ... and " + std::to_string(problems.size() - k_shown) + " more";
  }
  throw Error(message).hint("the previous reference data is kept; fix or re-fetch the named files and run again");
}

}  // namespace civic::data
