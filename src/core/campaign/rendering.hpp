#pragma once
// A planned letter made into the bytes of its files, in every format the
// campaign asks for. Pure work on one letter: done on several threads at
// once, each with its own LetterRenderer.

#include <memory>
#include <string>
#include <vector>

#include "core/campaign/campaign_file.hpp"
#include "core/campaign/planner.hpp"
#include "core/letters/document.hpp"

namespace civic::campaign {

struct RenderedFile {
  std::string format;
  std::string path;  // relative to the output folder
  std::string bytes;
  std::string sha256;  // once written
};

struct RenderedLetter {
  LetterMeta meta;
  std::shared_ptr<const letters::LetterInput> from;  // the supporter's sender, story and fields
  letters::LetterDocument doc;
  std::vector<RenderedFile> files;  // one per format; none when only bundles are written
  std::string error;                // why it could not be rendered (a form message too long)
  // Once its files are written (RunWriter::prepare): the letter as text for
  // the office bundles when no .txt file holds it, and the digest of its
  // text when the bundles are the only files.
  bool prepared = false;
  std::string text;
  std::string text_sha256;
};

struct RenderSettings {
  const Campaign& campaign;
  std::string title;  // of PDFs: "H.R. 1144: TVPRA letter drive"
  std::string date;   // YYYY-MM-DD, which stamps PDFs and emails
  bool files = true;  // false: compose only (a dry run checks every letter)
};

RenderedLetter render_letter(letters::LetterRenderer& renderer, LetterJob&& job, const RenderSettings& settings);

// The bundle path for letters to `office` of `official` (without extension):
// one per office, named by the official and the office's kind and city.
std::string bundle_stem(const reps::Official& official, const reps::Office* office, const std::string& office_kind);

}  // namespace civic::campaign
