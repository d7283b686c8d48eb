#include "core/templates/sources.hpp"

#include <algorithm>
#include <cstddef>

#include "core/error.hpp"
#include "core/util/files.hpp"

namespace civic::templates {

struct EmbeddedFile {
  std::string_view name;
  std::string_view text;
};
extern const EmbeddedFile k_embedded_files[];
extern const std::size_t k_embedded_count;

namespace {
namespace fs = std::filesystem;

bool in_folder(std::string_view name, std::string_view folder, std::string_view extension) {
  if (name.size() <= folder.size() + 1 || name.substr(0, folder.size()) != folder || name[folder.size()] != '/') {
    return false;
  }
  const auto rest = name.substr(folder.size() + 1);
  return rest.find('/') == std::string_view::npos && rest.size() > extension.size() &&
         rest.substr(rest.size() - extension.size()) == extension;
}

SourceFile shipped_file(const EmbeddedFile& file) {
  return {std::string(file.name), std::string(file.text), "templates/" + std::string(file.name), true};
}

}  // namespace

std::vector<SourceFile> shipped_files(std::string_view folder, std::string_view extension) {
  std::vector<SourceFile> files;
  for (std::size_t i = 0; i < k_embedded_count; ++i) {
    if (in_folder(k_embedded_files[i].name, folder, extension)) {
      files.push_back(shipped_file(k_embedded_files[i]));
    }
  }
  return files;
}

std::vector<SourceFile> user_files(const fs::path& user_dir, std::string_view folder, std::string_view extension) {
  std::vector<SourceFile> files;
  std::error_code ec;
  const auto dir = user_dir / folder;
  if (user_dir.empty() || !fs::is_directory(dir, ec)) {
    return files;
  }
  for (const auto& entry : fs::directory_iterator(dir)) {
    const auto file_name = entry.path().filename().string();
    const auto name = std::string(folder) + "/" + file_name;
    if (entry.is_regular_file() && in_folder(name, folder, extension)) {
      files.push_back({name, read_file(entry.path()), entry.path().string(), false});
    }
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return files;
}

std::optional<SourceFile> find_file(const fs::path& user_dir, std::string_view name) {
  if (!user_dir.empty()) {
    if (auto text = read_file_if_exists(user_dir / name)) {
      return SourceFile{std::string(name), std::move(*text), (user_dir / name).string(), false};
    }
  }
  for (std::size_t i = 0; i < k_embedded_count; ++i) {
    if (k_embedded_files[i].name == name) {
      return shipped_file(k_embedded_files[i]);
    }
  }
  return std::nullopt;
}

SourceFile read_source(const fs::path& path) {
  return {path.filename().string(), read_file(path), path.string(), false};
}

}  // namespace civic::templates
