#pragma once
// File helpers: whole-file reads with clear errors, and atomic writes
// (temp file in the same directory, fsync, rename) so nothing is half-written.

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

// Replaces `path` in one step (a rename) without waiting for the disk: for
// many files at once, made durable together by sync_filesystem(). A killed
// process leaves each file whole, old or new.
void write_file_replace(const std::filesystem::path& path, std::string_view content);
// Waits until everything written to the file system holding `dir` is on disk.
void sync_filesystem(const std::filesystem::path& dir);

// Flushes a finished file to disk and renames it over `target`.
void commit_file(const std::filesystem::path& temp, const std::filesystem::path& target);

// Creates the directory (and parents) with mode 0700 when missing.
void ensure_private_dir(const std::filesystem::path& dir);

}  // namespace civic
