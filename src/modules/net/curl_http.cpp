// The civic_net module's HTTP client: the only code that includes curl.
#include <mutex>

#include <curl/curl.h>

#include "core/cancel.hpp"
#include "core/error.hpp"
#include "core/modules/net.hpp"
#include "core/net/http.hpp"
#include "core/util/text.hpp"

namespace civic::net {
namespace {

constexpr const char* k_user_agent = "civic/0.1 (+offline civic-data tool)";

struct Transfer {
  const HttpRequest* request = nullptr;
  HttpResponse* response = nullptr;
  const CancelToken* cancel = nullptr;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const std::string_view chunk(data, size * count);
  if (transfer->request->on_data) {
    transfer->request->on_data(chunk);
  } else {
    transfer->response->body.append(chunk);
  }
  return chunk.size();
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const std::string_view line(data, size * count);
  const auto colon = line.find(':');
  if (colon != std::string_view::npos) {
    transfer->response->headers[text::lower(text::trim(line.substr(0, colon)))] =
        std::string(text::trim(line.substr(colon + 1)));
  }
  return line.size();
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* transfer = static_cast<Transfer*>(user);
  return transfer->cancel->cancelled() ? 1 : 0;
}

class CurlHttpClient final : public HttpClient {
public:
  explicit CurlHttpClient(const CancelToken& cancel) : m_cancel(cancel) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    m_handle = curl_easy_init();
    if (m_handle == nullptr) {
      throw Error("cannot initialise libcurl");
    }
  }
  ~CurlHttpClient() override { curl_easy_cleanup(m_handle); }
  CurlHttpClient(const CurlHttpClient&) = delete;
  CurlHttpClient& operator=(const CurlHttpClient&) = delete;

  HttpResponse send(const HttpRequest& request) override {
    HttpResponse response;
    Transfer transfer{&request, &response, &m_cancel};
    curl_easy_reset(m_handle);
    configure(request, transfer);
    curl_slist* headers = nullptr;
    for (const auto& [name, value] : request.headers) {
      headers = curl_slist_append(headers, (name + ": " + value).c_str());
    }
    curl_easy_setopt(m_handle, CURLOPT_HTTPHEADER, headers);
    curl_mime* form = nullptr;
    if (!request.form.empty()) {
      form = curl_mime_init(m_handle);
      for (const auto& part : request.form) {
        curl_mimepart* field = curl_mime_addpart(form);
        curl_mime_name(field, part.name.c_str());
        curl_mime_data(field, part.value.data(), part.value.size());
        if (!part.filename.empty()) {
          curl_mime_filename(field, part.filename.c_str());
          curl_mime_type(field, "text/csv");
        }
      }
      curl_easy_setopt(m_handle, CURLOPT_MIMEPOST, form);
    }
    const CURLcode rc = curl_easy_perform(m_handle);
    curl_slist_free_all(headers);
    curl_mime_free(form);
    if (rc == CURLE_ABORTED_BY_CALLBACK) {
      throw Error("interrupted", ExitCode::interrupted);
    }
    if (rc != CURLE_OK) {
      throw Error(std::string("cannot reach ") + request.url + ": " + curl_easy_strerror(rc))
          .hint("check the network connection and the URL");
    }
    curl_easy_getinfo(m_handle, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
  }

private:
  void configure(const HttpRequest& request, Transfer& transfer) {
    curl_easy_setopt(m_handle, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(m_handle, CURLOPT_USERAGENT, k_user_agent);
    curl_easy_setopt(m_handle, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(m_handle, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(m_handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(m_handle, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(m_handle, CURLOPT_CONNECTTIMEOUT, static_cast<long>(request.connect_timeout.count()));
    curl_easy_setopt(m_handle, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(m_handle, CURLOPT_LOW_SPEED_TIME, static_cast<long>(request.stall_timeout.count()));
    curl_easy_setopt(m_handle, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(m_handle, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(m_handle, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(m_handle, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(m_handle, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(m_handle, CURLOPT_XFERINFODATA, &transfer);
    curl_easy_setopt(m_handle, CURLOPT_NOPROGRESS, 0L);
    if (request.method == "POST") {
      curl_easy_setopt(m_handle, CURLOPT_POST, 1L);
      curl_easy_setopt(m_handle, CURLOPT_POSTFIELDS, request.body.data());
      curl_easy_setopt(m_handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    } else if (request.method != "GET") {
      curl_easy_setopt(m_handle, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }
  }

  const CancelToken& m_cancel;
  CURL* m_handle = nullptr;
};

}  // namespace

std::unique_ptr<HttpClient> module_impl::make_curl_http_client(const CancelToken& cancel) {
  return std::make_unique<CurlHttpClient>(cancel);
}

}  // namespace civic::net
