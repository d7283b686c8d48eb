#include "core/net/http.hpp"

#include "core/error.hpp"

namespace civic {

HttpResponse OfflineHttpClient::send(const HttpRequest& request) {
  throw Error("offline: refusing to contact " + request.url)
      .hint("drop --offline, or use data that is already on this machine");
}

HttpResponse fetch_ok(HttpClient& http, const HttpRequest& request) {
  auto response = http.send(request);
  if (!response.ok()) {
    throw Error("HTTP " + std::to_string(response.status) + " from " + request.url);
  }
  return response;
}

}  // namespace civic
