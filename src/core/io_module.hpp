#pragma once
// The libraries that are heavy to load (libcurl, libarchive, GDAL, OpenSSL:
// over a hundred shared objects between them) live in a module, civic_io, that is
// loaded the first time a command needs the network, an archive or a
// boundary file. A lookup never pays for them.

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/geo/vector_file.hpp"

namespace civic {
class HttpClient;
class CancelToken;
}  // namespace civic

namespace civic::io {

inline constexpr int k_module_version = 1;

// An incremental SHA-256 (OpenSSL's libcrypto, itself slow to load).
class Hasher {
public:
  virtual ~Hasher() = default;
  virtual void update(std::string_view data) = 0;
  virtual std::string hex() = 0;  // finishes the digest
};

// What the module provides; the same compiler builds both sides.
struct Module {
  int version;
  std::unique_ptr<HttpClient> (*make_http_client)(const CancelToken& cancel);
  void (*unpack_archive)(const std::filesystem::path& archive, const std::filesystem::path& dest,
                         const CancelToken& cancel);
  void (*read_features)(std::string_view content, const std::string& name,
                        const std::function<void(const geo::Feature&)>& on_feature);
  std::unique_ptr<Hasher> (*make_sha256)();
};

// Where to find the module file; set once at start-up (main, test support).
void set_module_path(std::filesystem::path path);
// The module, loaded on first use; throws civic::Error naming the file.
const Module& module();

// An HttpClient that loads the module and makes the curl client on first use.
std::unique_ptr<HttpClient> make_lazy_http_client(const CancelToken& cancel);

}  // namespace civic::io
