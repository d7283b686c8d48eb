#pragma once
// The civic_net module: libcurl and OpenSSL (see core/modules.hpp).

#include <memory>
#include <string>
#include <string_view>

namespace civic {
class CancelToken;
class HttpClient;
}  // namespace civic

namespace civic::net {

// An incremental SHA-256.
class Hasher {
public:
  virtual ~Hasher() = default;
  virtual void update(std::string_view data) = 0;
  virtual std::string hex() = 0;  // finishes the digest
};

struct NetModule {
  std::unique_ptr<HttpClient> (*make_http_client)(const CancelToken& cancel);
  std::unique_ptr<Hasher> (*make_sha256)();
};

const NetModule& net_module();

// An HttpClient that loads the module and makes the curl client on first use.
std::unique_ptr<HttpClient> make_lazy_http_client(const CancelToken& cancel);

}  // namespace civic::net
