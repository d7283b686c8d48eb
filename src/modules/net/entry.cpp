// The entry point of the civic_net module (see core/modules/loader.hpp).
#include "core/modules/loader.hpp"
#include "core/modules/net.hpp"

CIVIC_MODULE_ENTRY const void* civic_net_module() {
  static const civic::net::NetModule module{civic::net::module_impl::make_curl_http_client};
  return &module;
}
