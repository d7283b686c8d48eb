#pragma once
// Where templates and catalog files come from: the ones shipped in
// templates/ (compiled into the binary, so civic works wherever it is
// copied) and the user's own, in the templates directory of the config,
// which win when they have the same name.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace civic::templates {

struct SourceFile {
  std::string name;    // relative to the templates folder: "letters/letter.mustache"
  std::string text;
  std::string origin;  // what error messages call it: "templates/letters/letter.mustache" or the user's path
  bool shipped = true;
};

// The shipped files directly in `folder` ("bills") whose names end in `extension`, by name.
std::vector<SourceFile> shipped_files(std::string_view folder, std::string_view extension);
// The user's files in `user_dir`/`folder` ending in `extension`, by name; none when the folder is missing.
std::vector<SourceFile> user_files(const std::filesystem::path& user_dir, std::string_view folder,
                                   std::string_view extension);
// `name` from the user's folder when it is there, else the shipped one.
std::optional<SourceFile> find_file(const std::filesystem::path& user_dir, std::string_view name);
// A file given by path (--template FILE); throws an Error naming it when unreadable.
SourceFile read_source(const std::filesystem::path& path);

}  // namespace civic::templates
