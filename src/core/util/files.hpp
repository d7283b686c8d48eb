#pragma once
// File helpers: whole-file reads with clear errors, and atomic writes
// (temp file in the same directory, fsync, rename) so nothing is half-written.

#include <atomic>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace civic {

std::string read_file(const std::filesystem::path& path);
// The file's bytes, or nullopt when it does not exist.
std::optional<std::string> read_file_if_exists(const std::filesystem::path& path);

// Replaces `path` with `content` in one step; the old file survives a failure.
void write_file_atomic(const std::filesystem::path& path, std::string_view content);

// Waits until everything written to the file system holding `dir` is on disk.
void sync_filesystem(const std::filesystem::path& dir);

// Whether `path` holds exactly `content`, something else, or is missing;
// reads nothing when the sizes differ.
enum class FileMatch { missing, same, different };
FileMatch compare_file(const std::filesystem::path& path, std::string_view content);

// Writes many files, each put in place in one step, without waiting for
// the disk; sync_filesystem() makes them durable together. A new file is
// written without a name and linked into place; one that replaces another
// is written under `staging`, then renamed over it. What a killed process
// leaves in `staging` is removed by the next StagedWriter on that folder.
// Safe to use from several threads at once.
class StagedWriter {
public:
  explicit StagedWriter(std::filesystem::path staging);
  ~StagedWriter();
  StagedWriter(const StagedWriter&) = delete;
  StagedWriter& operator=(const StagedWriter&) = delete;

  // A file not there yet, with the folders it needs.
  void add(const std::filesystem::path& path, std::string_view content);
  // A file that is there, or may be.
  void replace(const std::filesystem::path& path, std::string_view content);
  // A file that is there, or may be, replaced by `finished`, a file written
  // in full under `staging`.
  void place(const std::filesystem::path& path, const std::filesystem::path& finished);

private:
  std::filesystem::path m_staging;
  std::atomic<std::size_t> m_count{0};
};

// Flushes a finished file to disk and renames it over `target`.
void commit_file(const std::filesystem::path& temp, const std::filesystem::path& target);

// Creates the directory (and parents) with mode 0700 when missing.
void ensure_private_dir(const std::filesystem::path& dir);

}  // namespace civic
