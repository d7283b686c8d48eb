#pragma once
// One file per target office holding its letters in supporter order (text
// for hand delivery, PDF to print), and labels.csv for the envelopes. Text
// is gathered per office in memory up to a budget, past which it goes on to
// a spool file per office, which becomes that office's bundle; PDF letters
// are spooled to disk and gathered per office at the end. A run of any size
// keeps only so much in memory.

#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/letters/render.hpp"
#include "core/util/ordered_work.hpp"

namespace civic::letters {

class BundleSpool {
public:
  // Text held in memory for all offices together before it is spilled
  // (once more is held while the last spill is written).
  static constexpr std::size_t k_text_budget = 16 << 20;

  // `folder` holds the spool while the run lasts; `formats` are the bundle
  // formats wanted (txt, pdf); `labels`: write labels.csv too.
  enum class Labels { no, yes };
  BundleSpool(const std::filesystem::path& folder, std::vector<LetterFormat> formats, Labels labels,
              std::size_t text_budget = k_text_budget);
  ~BundleSpool();
  BundleSpool(const BundleSpool&) = delete;
  BundleSpool& operator=(const BundleSpool&) = delete;

  // Nothing asked of it: no bundle format and no labels.
  bool idle() const { return m_formats.empty() && m_labels == Labels::no; }
  // Adds a letter, with its text as it goes into a text bundle.
  void add(const RenderedLetter& letter, const std::string& text);

  // Where finish() puts the bundles; called from several threads at once
  // for the text bundles.
  struct Output {
    // A file and its bytes.
    std::function<void(const std::string& path, const std::string& bytes)> write;
    // A file and the spool file that holds its bytes, finished: moved into
    // place rather than copied (a large run's bundles are hundreds of
    // megabytes).
    std::function<void(const std::string& path, const std::filesystem::path& finished)> place;
  };
  // Writes every bundle and labels.csv.
  void finish(const Output& out, const std::string& title, const std::string& date);

private:
  struct Piece {
    long offset = 0;
    std::size_t size = 0;
  };
  struct Bundle {
    std::string official_id;
    std::vector<std::string> recipient_lines;
    std::string text;              // the letters not yet spilled, separated by form feeds
    std::size_t spool_number = 0;  // its spool file, once text has been spilled
    std::vector<Piece> docs;       // for PDF
    std::size_t letters = 0;
  };
  Piece append_doc(const std::string& bytes);
  std::string read_doc(const Piece& piece) const;
  void spill_texts();
  void wait_for_spill();
  void write_texts(const Output& out);
  std::filesystem::path text_spool(const Bundle& bundle) const;

  std::filesystem::path m_folder;
  std::vector<LetterFormat> m_formats;
  Labels m_labels;
  bool m_texts = false;  // text bundles wanted
  std::size_t m_text_budget;
  std::size_t m_text_held = 0;
  std::size_t m_text_spools = 0;
  std::FILE* m_docs = nullptr;
  long m_docs_end = 0;
  std::map<std::string, Bundle> m_bundles;  // by stem
  // Texts spilled, appended to their spool files on a thread of its own
  // while the next ones are gathered; one spill at a time.
  struct Spilled {};
  using Spill = std::vector<std::pair<std::filesystem::path, std::string>>;
  std::unique_ptr<OrderedWork<Spill, Spilled>> m_spilling;
};

}  // namespace civic::letters
