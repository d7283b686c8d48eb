#pragma once
// The write step of a run (a campaign): run.json first (what the letters
// are made from), then each letter's own files as they are rendered,
// "<sender>/<file stem>.<format>", each replaced in one step and only when
// its bytes changed, then the office bundles, labels.csv, manifest.csv
// (what went where, with each file's sha256) and problems.csv.
// manifest.csv appears only when a run finished: a folder without one is a
// run to resume, and resuming rewrites nothing that is already right.

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/letters/bundles.hpp"
#include "core/letters/render.hpp"
#include "core/util/files.hpp"

namespace civic {
class CancelToken;
}

namespace civic::letters {

// What a run writes besides run.json, the manifest and the problems.
struct RunFiles {
  bool letter_files = true;                  // each letter's own files; false: the bundles only
  std::vector<LetterFormat> bundle_formats;  // one file per target office: txt, pdf
  bool labels = false;                       // labels.csv, one row per bundle
};

struct WriteResult {
  std::size_t written = 0;
  std::size_t unchanged = 0;  // already there with the same bytes
};

class RunWriter {
public:
  // `run_json`: what the letters are made from. `bundle_text_budget`: office
  // bundle text held in memory before it is spilled (see BundleSpool).
  RunWriter(const std::filesystem::path& dir, RunFiles files, const std::string& run_json,
            std::size_t bundle_text_budget = BundleSpool::k_text_budget);
  ~RunWriter();

  // Writes a letter's own files (at run_letter_path unless they have a path)
  // and takes the digests and text the
  // manifest and bundles need. Safe to call from several threads at once,
  // on different letters.
  void prepare(RenderedLetter& letter, const CancelToken& cancel);
  // Lists the letters in the manifest, in order, and spools them for the
  // bundles; prepares those that were not.
  void add(std::vector<RenderedLetter>& letters, const CancelToken& cancel);
  // The bundles, labels, manifest and problems; the run is then complete.
  WriteResult finish(const std::vector<Problem>& problems, const std::string& title, const std::string& date);

private:
  void check_manifest() const;
  void write_if_changed(const std::filesystem::path& relative, const std::string& bytes);
  void place_if_changed(const std::filesystem::path& relative, const std::filesystem::path& finished);
  void manifest_row(const LetterMeta& letter, LetterFormat format, const std::string& file,
                    const std::string& sha256);

  std::filesystem::path m_dir;
  RunFiles m_spec;
  std::unique_ptr<StagedWriter> m_files;
  std::unique_ptr<BundleSpool> m_bundles;
  std::ofstream m_manifest;
  std::atomic<std::size_t> m_written{0};
  std::atomic<std::size_t> m_unchanged{0};
};

// The path of a run's letter file, relative to its folder.
std::string run_letter_path(const RenderedLetter& letter, LetterFormat format);

}  // namespace civic::letters
