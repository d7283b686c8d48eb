#pragma once
// One file per target office holding its letters in supporter order (text
// for hand delivery, PDF to print), and labels.csv for the envelopes. The
// letters are spooled to disk as they are rendered and gathered per office
// at the end, so a run of any size keeps only an index in memory.

#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/campaign/rendering.hpp"

namespace civic::campaign {

class BundleSpool {
public:
  // `folder` holds the spool while the run lasts; `formats` are the bundle
  // formats wanted (txt, pdf); `labels`: write labels.csv too.
  BundleSpool(const std::filesystem::path& folder, std::vector<std::string> formats, bool labels);
  ~BundleSpool();
  BundleSpool(const BundleSpool&) = delete;
  BundleSpool& operator=(const BundleSpool&) = delete;

  // Nothing asked of it: no bundle format and no labels.
  bool idle() const { return m_formats.empty() && !m_labels; }
  // Adds a letter, with its text as it goes into a text bundle.
  void add(const RenderedLetter& letter, const std::string& text);

  using WriteFile = std::function<void(const std::string& path, const std::string& bytes)>;
  // Writes every bundle and labels.csv through `write`.
  void finish(const WriteFile& write, const std::string& title, const std::string& date);

private:
  struct Piece {
    long offset = 0;
    std::size_t size = 0;
  };
  struct Bundle {
    std::string official_id;
    std::vector<std::string> recipient_lines;
    std::vector<Piece> texts;
    std::vector<Piece> docs;  // for PDF
    std::size_t letters = 0;
  };
  Piece append(std::FILE* file, const std::string& bytes);
  std::string read(std::FILE* file, const Piece& piece) const;

  std::vector<std::string> m_formats;
  bool m_labels;
  std::FILE* m_text = nullptr;
  std::FILE* m_docs = nullptr;
  long m_text_end = 0;
  long m_docs_end = 0;
  std::map<std::string, Bundle> m_bundles;  // by stem
};

}  // namespace civic::campaign
