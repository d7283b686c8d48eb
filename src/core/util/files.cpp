#include "core/util/files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/error.hpp"

namespace civic {
namespace fs = std::filesystem;

namespace {

// An open file, closed when it goes, whichever way the function ends.
class OpenFile {
public:
  explicit OpenFile(int fd) : m_fd(fd) {}
  ~OpenFile() {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
  }
  OpenFile(const OpenFile&) = delete;
  OpenFile& operator=(const OpenFile&) = delete;
  int fd() const { return m_fd; }
  bool is_open() const { return m_fd >= 0; }

private:
  int m_fd;
};

void fsync_path(const fs::path& path, int flags) {
  const OpenFile file(::open(path.c_str(), flags));
  if (file.is_open()) {
    ::fsync(file.fd());
  }
}

bool write_all(int fd, std::string_view content) {
  std::size_t done = 0;
  while (done < content.size()) {
    const auto n = ::write(fd, content.data() + done, content.size() - done);
    if (n <= 0 && errno != EINTR) {
      return false;
    }
    done += n > 0 ? static_cast<std::size_t>(n) : 0;
  }
  return true;
}

// A new file written without a name, then linked into place: nothing to
// rename across folders (which takes a lock on the whole file system, so
// threads writing at once wait for each other) and nothing left behind by
// a killed process. False when the file exists already or the file system
// cannot do it; the caller then writes it the staged way.
bool link_new_file(const fs::path& path, std::string_view content) {
  const auto folder = path.parent_path();
  const auto open_unnamed = [&] { return ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666); };
  int fd = open_unnamed();
  if (fd < 0 && errno == ENOENT) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    fd = open_unnamed();
  }
  const OpenFile file(fd);
  if (!file.is_open()) {
    return false;
  }
  if (!write_all(file.fd(), content)) {
    throw Error("cannot write " + path.string() + ": " + std::strerror(errno))
        .hint("check the free space of " + folder.string());
  }
  const auto self = "/proc/self/fd/" + std::to_string(file.fd());
  return ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW) == 0;
}

}  // namespace

std::string read_file(const fs::path& path) {
  const auto fail = [&] { return Error("cannot read " + path.string() + ": " + std::strerror(errno)); };
  const OpenFile file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!file.is_open()) {
    throw fail();
  }
  // Read straight into a string of the file's size (inputs run to tens of
  // megabytes: no stream buffer, no copies), and one byte more, so the read
  // that finds the end needs no room; on if the file grew or has no size.
  struct stat info {};
  const std::size_t expected =
      ::fstat(file.fd(), &info) == 0 && info.st_size > 0 ? static_cast<std::size_t>(info.st_size) : 0;
  std::string content(expected + 1, '\0');
  std::size_t size = 0;
  for (;;) {
    if (size == content.size()) {
      content.resize(std::max<std::size_t>(2 * size, 64 * 1024));
    }
    const auto n = ::read(file.fd(), content.data() + size, content.size() - size);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      throw fail();
    }
    if (n == 0) {
      break;
    }
    size += static_cast<std::size_t>(n);
  }
  content.resize(size);
  return content;
}

std::optional<std::string> read_file_if_exists(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    return std::nullopt;
  }
  return read_file(path);
}

void commit_file(const fs::path& temp, const fs::path& target) {
  fsync_path(temp, O_RDONLY);
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp);
    throw Error("cannot replace " + target.string() + ": " + ec.message());
  }
  fsync_path(target.parent_path().empty() ? fs::path(".") : target.parent_path(), O_RDONLY | O_DIRECTORY);
}

namespace {

// The content in a temp file beside `path`, not yet synced.
fs::path write_temp(const fs::path& path, std::string_view content) {
  const fs::path temp = path.string() + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) {
      throw Error("cannot write " + temp.string() + ": " + std::strerror(errno));
    }
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      out.close();
      fs::remove(temp);
      throw Error("cannot write " + path.string() + ": disk full or I/O error");
    }
  }
  return temp;
}

}  // namespace

void write_file_atomic(const fs::path& path, std::string_view content) {
  commit_file(write_temp(path, content), path);
}

FileMatch compare_file(const fs::path& path, std::string_view content) {
  const OpenFile file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!file.is_open()) {
    return errno == ENOENT ? FileMatch::missing : FileMatch::different;
  }
  struct stat info {};
  bool same = ::fstat(file.fd(), &info) == 0 && static_cast<std::size_t>(info.st_size) == content.size();
  if (same) {
    std::string existing(content.size(), '\0');
    same = ::read(file.fd(), existing.data(), existing.size()) == static_cast<ssize_t>(existing.size()) &&
           existing == content;
  }
  return same ? FileMatch::same : FileMatch::different;
}

StagedWriter::StagedWriter(fs::path staging) : m_staging(std::move(staging)) {
  std::error_code ec;
  fs::remove_all(m_staging, ec);
  fs::create_directories(m_staging, ec);
  if (ec) {
    throw Error("cannot create " + m_staging.string() + ": " + ec.message());
  }
}

StagedWriter::~StagedWriter() {
  std::error_code ec;
  fs::remove_all(m_staging, ec);
}

void StagedWriter::add(const fs::path& path, std::string_view content) {
  if (!link_new_file(path, content)) {
    replace(path, content);  // there after all, or no unnamed files here
  }
}

void StagedWriter::replace(const fs::path& path, std::string_view content) {
  const auto temp = m_staging / std::to_string(m_count++);
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) {
    throw Error("cannot write " + temp.string() + ": " + std::strerror(errno));
  }
  const bool whole = write_all(fd, content);
  const int error = errno;
  ::close(fd);
  if (!whole) {
    ::unlink(temp.c_str());
    throw Error("cannot write " + path.string() + ": " + std::strerror(error))
        .hint("check the free space of " + path.parent_path().string());
  }
  place(path, temp);
}

void StagedWriter::place(const fs::path& path, const fs::path& finished) {
  // The folder is made only when the rename finds it missing: most files
  // go where an earlier one went, and a mkdir per file would cost more.
  bool placed = ::rename(finished.c_str(), path.c_str()) == 0;
  if (!placed && errno == ENOENT) {
    std::error_code ec;  // another thread may have made it meanwhile
    fs::create_directories(path.parent_path(), ec);
    placed = ::rename(finished.c_str(), path.c_str()) == 0;
  }
  if (!placed) {
    const int cause = errno;
    ::unlink(finished.c_str());
    throw Error("cannot write " + path.string() + ": " + std::strerror(cause))
        .hint("check the free space and permissions of " + path.parent_path().string());
  }
}

void sync_filesystem(const fs::path& dir) {
  const OpenFile folder(::open(dir.c_str(), O_RDONLY | O_DIRECTORY));
  if (folder.is_open()) {
    ::syncfs(folder.fd());
  }
}

void ensure_private_dir(const fs::path& dir) {
  std::error_code ec;
  if (fs::is_directory(dir, ec)) {
    return;
  }
  fs::create_directories(dir, ec);
  if (ec) {
    throw Error("cannot create directory " + dir.string() + ": " + ec.message());
  }
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
}

}  // namespace civic
