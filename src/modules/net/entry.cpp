// The entry point of the civic_net module (see core/modules.hpp).
#include "core/modules.hpp"
#include "core/net/http.hpp"
#include "core/net/net_module.hpp"

namespace civic::net {
std::unique_ptr<HttpClient> make_curl_http_client(const CancelToken& cancel);
std::unique_ptr<Hasher> make_sha256();
}  // namespace civic::net

CIVIC_MODULE_ENTRY const void* civic_net_module() {
  static const civic::net::NetModule module{civic::net::make_curl_http_client, civic::net::make_sha256};
  return &module;
}
