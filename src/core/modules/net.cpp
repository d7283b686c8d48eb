#include "core/modules/net.hpp"

#include "core/modules/loader.hpp"
#include "core/net/http.hpp"

namespace civic::net {
namespace {

class LazyHttpClient final : public HttpClient {
public:
  explicit LazyHttpClient(const CancelToken& cancel) : m_cancel(cancel) {}
  HttpResponse send(const HttpRequest& request) override {
    if (!m_client) {
      m_client = net_module().make_http_client(m_cancel);
    }
    return m_client->send(request);
  }

private:
  const CancelToken& m_cancel;
  std::unique_ptr<HttpClient> m_client;
};

}  // namespace

const NetModule& net_module() {
  return modules::entries<NetModule>("libcivic_net.so", "civic_net_module");
}

std::unique_ptr<HttpClient> make_lazy_http_client(const CancelToken& cancel) {
  return std::make_unique<LazyHttpClient>(cancel);
}

}  // namespace civic::net
