// The entry point of the civic_io module (see core/io_module.hpp).
#include "core/io_module.hpp"
#include "core/net/http.hpp"

namespace civic::io {
std::unique_ptr<HttpClient> make_curl_http_client(const CancelToken& cancel);
void unpack_archive(const std::filesystem::path& archive, const std::filesystem::path& dest,
                    const CancelToken& cancel);
void read_features(std::string_view content, const std::string& name,
                   const std::function<void(const geo::Feature&)>& on_feature);
std::unique_ptr<Hasher> make_sha256();
}  // namespace civic::io

extern "C" __attribute__((visibility("default"))) const civic::io::Module* civic_io_module() {
  static const civic::io::Module module{civic::io::k_module_version, civic::io::make_curl_http_client,
                                        civic::io::unpack_archive, civic::io::read_features,
                                        civic::io::make_sha256};
  return &module;
}
