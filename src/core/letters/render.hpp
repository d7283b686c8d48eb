#pragma once
// The second step of every letter: the planned letter composed (template
// and frame, see document.hpp) and laid out in each format asked. This is
// the one place a format is chosen: plain text, Markdown, HTML, PDF (the
// print module) or an RFC 5322 email.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/letters/document.hpp"
#include "core/letters/plan.hpp"
#include "core/letters/template.hpp"
#include "core/vocabulary.hpp"

namespace civic::letters {

struct RenderContext {
  std::string_view title;      // of a PDF: "H.R. 1144: support"
  std::string_view date;       // YYYY-MM-DD, which stamps PDFs and emails
  std::string_view sender_id;  // a campaign's supporter id: part of an email's Message-ID
};

// One letter in `format`.
std::string render(const LetterDocument& doc, LetterFormat format, const RenderContext& context);
// Several letters as one document or stream: each on a new page (HTML, PDF),
// after a form feed (text) or a rule (Markdown). An email holds one letter.
std::string render(const std::vector<LetterDocument>& docs, LetterFormat format, const RenderContext& context);

struct RenderedFile {
  LetterFormat format = LetterFormat::txt;
  std::string path;  // relative to the output folder, once the write step names it
  std::string bytes;
  std::string sha256;  // once written
};

struct RenderedLetter {
  LetterMeta meta;
  std::shared_ptr<const LetterInput> from;  // the sender, story and fields
  LetterDocument doc;
  std::vector<RenderedFile> files;  // one per format asked
  std::string error;                // why it could not be composed (a web-form message too long)
  // Once its files are written (RunWriter::prepare): the letter as text for
  // the office bundles when no .txt file holds it, and the digest of its
  // text when the bundles are the only files.
  bool prepared = false;
  std::string text;
  std::string text_sha256;
};

// The letter composed and laid out in `formats` (none: composed only).
// A letter that cannot be composed has `error` set, which a run reports as
// a problem; `civic letter` lets compose() throw instead.
RenderedLetter render_letter(LetterRenderer& renderer, PlannedLetter&& planned,
                             const std::vector<LetterFormat>& formats, const RenderContext& context);

}  // namespace civic::letters
