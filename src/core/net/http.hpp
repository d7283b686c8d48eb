#pragma once
// The HTTP seam. Core code talks to HttpClient; the libcurl client lives in
// the civic_net module (see core/modules/loader.hpp), and tests point it at mock
// servers.

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace civic {

class CancelToken;

// One part of a multipart/form-data upload; a part with a filename is a file.
struct FormPart {
  std::string name;
  std::string value;
  std::string filename;
};

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::vector<FormPart> form;  // when set: a multipart/form-data POST
  std::chrono::seconds connect_timeout{10};
  // A transfer slower than 1 byte/s for this long is abandoned.
  std::chrono::seconds stall_timeout{30};
  // When set, the body is streamed here instead of kept in HttpResponse::body.
  std::function<void(std::string_view)> on_data;
};

struct HttpResponse {
  long status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // names lower-cased

  bool ok() const { return status >= 200 && status < 300; }
};

class HttpClient {
public:
  virtual ~HttpClient() = default;
  // Returns any HTTP status; throws civic::Error when no response arrived
  // (refused, DNS failure, timeout, interrupted).
  virtual HttpResponse send(const HttpRequest& request) = 0;
};

// Refuses every request: what `--offline` promises.
class OfflineHttpClient final : public HttpClient {
public:
  HttpResponse send(const HttpRequest& request) override;
};

// Sends and requires a 2xx answer; throws an Error naming the URL otherwise.
HttpResponse fetch_ok(HttpClient& http, const HttpRequest& request);

}  // namespace civic
