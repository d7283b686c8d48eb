#pragma once
// A read-only tree of files: a local directory or a mirror served over HTTP.
// Importers read datasets through it, so both sources behave the same.

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace civic {
class HttpClient;
}

namespace civic::data {

enum class EntryKind { file, directory };

class FileTree {
public:
  virtual ~FileTree() = default;
  // The directory path or URL of `rel`, for messages and provenance.
  virtual std::string location(const std::string& rel) const = 0;
  // The file's bytes; nullopt when it does not exist. Other failures throw.
  virtual std::optional<std::string> read_if_exists(const std::string& rel) = 0;
  // Names (not paths) of the entries of one kind in a folder, sorted; a
  // missing folder is empty.
  virtual std::vector<std::string> list(const std::string& rel, EntryKind kind) = 0;

  // The file's bytes; throws an Error naming the location when it is missing.
  std::string read(const std::string& rel);
};

bool is_url(const std::string& location);

// A directory, or an http:// or https:// URL.
std::unique_ptr<FileTree> open_tree(const std::string& root, HttpClient& http);

// The names an HTML directory listing links to ("a.yml", "sub/"), decoded;
// links that leave the folder are dropped.
std::vector<std::string> parse_directory_listing(const std::string& html);

}  // namespace civic::data
