#pragma once
// The civic_net module: libcurl and OpenSSL (see loader.hpp).

#include <memory>

namespace civic {
class CancelToken;
class HttpClient;
}  // namespace civic

namespace civic::net {

namespace module_impl {  // defined in the civic_net module
std::unique_ptr<HttpClient> make_curl_http_client(const CancelToken& cancel);
}  // namespace module_impl

struct NetModule {
  decltype(&module_impl::make_curl_http_client) make_http_client;
};

const NetModule& net_module();

// An HttpClient that loads the module and makes the curl client on first use.
std::unique_ptr<HttpClient> make_lazy_http_client(const CancelToken& cancel);

}  // namespace civic::net
