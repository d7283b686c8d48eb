#pragma once
// Upstream repositories that publish a folder of many small files are
// fetched as one .tar.gz and unpacked into the cache (libarchive).

#include <filesystem>
#include <string>

namespace civic {
class HttpClient;
class CancelToken;
}  // namespace civic

namespace civic::data {

// Downloads `url` and unpacks it into `dest`, dropping the archive's top
// folder (GitHub's "people-main/"), refusing entries that would land outside
// it. `dest` is replaced only when the whole archive unpacked; returns `dest`.
std::filesystem::path fetch_archive(HttpClient& http, const std::string& url, const std::filesystem::path& dest,
                                    const CancelToken& cancel);


}  // namespace civic::data
