#include "core/letters/write.hpp"

#include <set>

#include "core/util/files.hpp"

namespace civic::letters {

std::vector<std::filesystem::path> write_letter_files(std::vector<RenderedLetter>& letters,
                                                      const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  std::set<std::string> used;
  std::vector<std::filesystem::path> paths;
  for (auto& letter : letters) {
    auto& file = letter.files.front();
    auto stem = letter.doc.file_stem;
    for (int n = 2; used.count(stem) > 0; ++n) {
      stem = letter.doc.file_stem + "-" + std::to_string(n);
    }
    used.insert(stem);
    const auto path = dir / (stem + "." + std::string(to_string(file.format)));
    write_file_atomic(path, file.bytes);
    file.path = path.string();
    paths.push_back(path);
  }
  return paths;
}

}  // namespace civic::letters
