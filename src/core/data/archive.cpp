#include "core/data/archive.hpp"

#include <cstdio>
#include <memory>

#include "core/modules/files.hpp"

#include "core/cancel.hpp"
#include "core/error.hpp"
#include "core/net/http.hpp"
#include "core/util/files.hpp"

namespace civic::data {
namespace fs = std::filesystem;

fs::path fetch_archive(HttpClient& http, const std::string& url, const fs::path& dest, const CancelToken& cancel) {
  ensure_private_dir(dest.parent_path());
  const fs::path download = dest.string() + ".tar.gz.part";
  const fs::path staging = dest.string() + ".new";
  fs::remove_all(staging);
  try {
    {
      std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(download.c_str(), "wb"), &std::fclose);
      if (!file) {
        throw Error("cannot write " + download.string());
      }
      HttpRequest request;
      request.url = url;
      request.on_data = [&](std::string_view chunk) { std::fwrite(chunk.data(), 1, chunk.size(), file.get()); };
      fetch_ok(http, request);
    }
    files_module().unpack_archive(download, staging, cancel);
  } catch (...) {
    fs::remove_all(staging);
    fs::remove(download);
    throw;
  }
  fs::remove(download);
  fs::remove_all(dest);
  fs::rename(staging, dest);
  return dest;
}

}  // namespace civic::data
