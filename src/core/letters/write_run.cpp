#include "core/letters/write_run.hpp"

#include "core/cancel.hpp"
#include "core/error.hpp"
#include "core/letters/document.hpp"
#include "core/util/csv.hpp"
#include "core/util/sha256.hpp"

namespace civic::letters {
namespace {

namespace fs = std::filesystem;

// Letters and the manifest being written; removed when the run ends, and
// by the next run after one that was killed.
constexpr const char* k_staging = ".civic-partial";

std::string problems_csv(const std::vector<Problem>& problems) {
  std::string out = csv::format_row({"row", "supporter_id", "column", "reason"});
  for (const auto& p : problems) {
    out += csv::format_row({std::to_string(p.line), p.item, p.column, p.message});
  }
  return out;
}

// The letter's own .txt file, when it has one: its text for the bundles.
const std::string* text_file(const RenderedLetter& letter) {
  for (const auto& file : letter.files) {
    if (file.format == LetterFormat::txt) {
      return &file.bytes;
    }
  }
  return nullptr;
}

}  // namespace

std::string run_letter_path(const RenderedLetter& letter, LetterFormat format) {
  return file_slug(letter.meta.supporter_id) + "/" + letter.doc.file_stem + "." + std::string(to_string(format));
}

RunWriter::RunWriter(const fs::path& dir, RunFiles files, const std::string& run_json,
                     std::size_t bundle_text_budget)
    : m_dir(dir), m_spec(std::move(files)) {
  fs::create_directories(m_dir);
  // An earlier manifest no longer tells what is in the folder once this
  // run starts writing.
  fs::remove(m_dir / "manifest.csv");
  // run.json first: a run stopped half way is resumed against the same basis.
  write_file_atomic(m_dir / "run.json", run_json);
  m_files = std::make_unique<StagedWriter>(m_dir / k_staging);
  m_bundles = std::make_unique<BundleSpool>(m_dir / k_staging, m_spec.bundle_formats,
                                            m_spec.labels ? BundleSpool::Labels::yes : BundleSpool::Labels::no,
                                            bundle_text_budget);
  m_manifest.open(m_dir / k_staging / "manifest.csv", std::ios::binary);
  m_manifest << csv::format_row(
      {"row", "supporter_id", "official_id", "official_name", "office_kind", "office", "format", "file", "sha256"});
}

RunWriter::~RunWriter() = default;

void RunWriter::write_if_changed(const fs::path& relative, const std::string& bytes) {
  const auto path = m_dir / relative;
  switch (compare_file(path, bytes)) {
    case FileMatch::same:
      ++m_unchanged;
      return;
    case FileMatch::missing:
      m_files->add(path, bytes);
      break;
    case FileMatch::different:
      m_files->replace(path, bytes);
      break;
  }
  ++m_written;
}

// `finished`, a file in the staging folder, moved into place unless the
// file there has the same bytes (a rerun).
void RunWriter::place_if_changed(const fs::path& relative, const fs::path& finished) {
  const auto path = m_dir / relative;
  std::error_code ec;
  if (fs::exists(path, ec) && compare_file(path, read_file(finished)) == FileMatch::same) {
    fs::remove(finished);
    ++m_unchanged;
    return;
  }
  m_files->place(path, finished);
  ++m_written;
}

void RunWriter::manifest_row(const LetterMeta& l, LetterFormat format, const std::string& file,
                             const std::string& sha256) {
  const auto& t = *l.target;
  m_manifest << csv::format_row({std::to_string(l.row), l.supporter_id, t.official.id, t.official.name,
                                 t.office_kind, t.office, std::string(to_string(format)), file, sha256});
}

void RunWriter::prepare(RenderedLetter& letter, const CancelToken& cancel) {
  cancel.throw_if_cancelled();
  for (auto& file : letter.files) {
    if (file.path.empty()) {
      file.path = run_letter_path(letter, file.format);
    }
    write_if_changed(file.path, file.bytes);
    file.sha256 = sha256_hex(file.bytes);
  }
  const auto* text = text_file(letter);
  if (!m_bundles->idle() && text == nullptr) {
    letter.text = letters::to_text(letter.doc);
  }
  if (!m_spec.letter_files && !m_spec.bundle_formats.empty()) {
    // Each letter is listed with its bundle and the digest of its text.
    letter.text_sha256 = sha256_hex(text != nullptr ? *text : letter.text);
  }
  letter.prepared = true;
}

void RunWriter::add(std::vector<RenderedLetter>& letters, const CancelToken& cancel) {
  for (auto& letter : letters) {
    if (!letter.prepared) {
      prepare(letter, cancel);
    }
    for (const auto& file : letter.files) {
      manifest_row(letter.meta, file.format, file.path, file.sha256);
    }
    if (m_bundles->idle()) {
      continue;
    }
    const auto* own = text_file(letter);
    m_bundles->add(letter, own != nullptr ? *own : letter.text);
    if (!m_spec.letter_files) {
      // The bundles are the only files.
      for (const auto format : m_spec.bundle_formats) {
        manifest_row(letter.meta, format, letter.meta.target->bundle + "." + std::string(to_string(format)),
                     letter.text_sha256);
      }
    }
  }
  check_manifest();
}

void RunWriter::check_manifest() const {
  if (!m_manifest) {
    throw Error("cannot write " + (m_dir / k_staging / "manifest.csv").string()).hint("check the free space");
  }
}

WriteResult RunWriter::finish(const std::vector<Problem>& problems, const std::string& title,
                              const std::string& date) {
  const BundleSpool::Output out{
      [this](const std::string& path, const std::string& bytes) { write_if_changed(path, bytes); },
      [this](const std::string& path, const fs::path& finished) { place_if_changed(path, finished); }};
  m_bundles->finish(out, title, date);
  m_manifest.close();
  check_manifest();
  // Every letter on disk before the manifest that lists them.
  sync_filesystem(m_dir);
  write_file_atomic(m_dir / "problems.csv", problems_csv(problems));
  commit_file(m_dir / k_staging / "manifest.csv", m_dir / "manifest.csv");
  m_bundles.reset();
  m_files.reset();
  return {m_written, m_unchanged};
}

}  // namespace civic::letters
