// Part of the civic_files module: the only code that includes libarchive.
#include <algorithm>
#include <filesystem>
#include <memory>

#include <archive.h>
#include <archive_entry.h>

#include "core/cancel.hpp"
#include "core/error.hpp"
#include "core/modules/files.hpp"

namespace civic::data {
namespace fs = std::filesystem;

namespace {

struct ArchiveCloser {
  void operator()(archive* a) const { archive_read_free(a); }
};
struct WriterCloser {
  void operator()(archive* a) const { archive_write_free(a); }
};

// "people-main/data/wa/x.yml" → "data/wa/x.yml"; "" for the top folder
// itself. Refuses paths that would land outside the destination.
std::string strip_top_folder(const std::string& path, const fs::path& archive_path) {
  const auto slash = path.find('/');
  const std::string rel = slash == std::string::npos ? "" : path.substr(slash + 1);
  const fs::path relative(rel);
  if (relative.is_absolute() ||
      std::any_of(relative.begin(), relative.end(), [](const fs::path& part) { return part == ".."; })) {
    throw Error("refusing " + path + " in " + archive_path.string() + ": it points outside the archive's folder");
  }
  return rel;
}

void copy_data(archive* in, archive* out, const std::string& name) {
  const void* buffer = nullptr;
  std::size_t size = 0;
  la_int64_t offset = 0;
  while (true) {
    const int rc = archive_read_data_block(in, &buffer, &size, &offset);
    if (rc == ARCHIVE_EOF) {
      return;
    }
    if (rc != ARCHIVE_OK || archive_write_data_block(out, buffer, size, offset) != ARCHIVE_OK) {
      throw Error("cannot unpack " + name + ": " + archive_error_string(rc != ARCHIVE_OK ? in : out));
    }
  }
}

}  // namespace

void module_impl::unpack_archive(const fs::path& archive_path, const fs::path& dest, const CancelToken& cancel) {
  std::unique_ptr<archive, ArchiveCloser> in(archive_read_new());
  archive_read_support_filter_all(in.get());
  archive_read_support_format_all(in.get());
  if (archive_read_open_filename(in.get(), archive_path.c_str(), 1 << 16) != ARCHIVE_OK) {
    throw Error("cannot open archive " + archive_path.string() + ": " + archive_error_string(in.get()));
  }
  std::unique_ptr<archive, WriterCloser> out(archive_write_disk_new());
  // Entries are re-rooted under `dest` (an absolute path), so the check for
  // absolute paths is done on the archive's own names instead.
  archive_write_disk_set_options(out.get(), ARCHIVE_EXTRACT_SECURE_NODOTDOT | ARCHIVE_EXTRACT_SECURE_SYMLINKS);
  fs::create_directories(dest);
  archive_entry* entry = nullptr;
  int rc = ARCHIVE_OK;
  while ((rc = archive_read_next_header(in.get(), &entry)) == ARCHIVE_OK) {
    cancel.throw_if_cancelled();
    const auto rel = strip_top_folder(archive_entry_pathname(entry), archive_path);
    if (rel.empty()) {
      continue;
    }
    const auto target = (dest / rel).string();
    archive_entry_set_pathname(entry, target.c_str());
    if (const char* link = archive_entry_hardlink(entry)) {
      const auto link_target = (dest / strip_top_folder(link, archive_path)).string();
      archive_entry_set_hardlink(entry, link_target.c_str());
    }
    if (archive_write_header(out.get(), entry) != ARCHIVE_OK) {
      throw Error("cannot unpack " + rel + " from " + archive_path.string() + ": " + archive_error_string(out.get()));
    }
    copy_data(in.get(), out.get(), rel);
  }
  if (rc != ARCHIVE_EOF) {
    throw Error("damaged archive " + archive_path.string() + ": " + archive_error_string(in.get()))
        .hint("the download was cut short or corrupted; run the update again");
  }
}

}  // namespace civic::data
