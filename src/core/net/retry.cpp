#include "core/net/retry.hpp"

#include <algorithm>
#include <thread>

#include "core/error.hpp"

namespace civic {
namespace {

constexpr std::chrono::milliseconds k_longest_wait{30000};

std::chrono::milliseconds retry_after(const HttpResponse& response, std::chrono::milliseconds fallback) {
  const auto it = response.headers.find("retry-after");
  if (it != response.headers.end()) {
    try {
      return std::min(std::chrono::milliseconds(std::stol(it->second) * 1000), k_longest_wait);
    } catch (const std::exception&) {
      // An HTTP date instead of seconds: use our own wait.
    }
  }
  return fallback;
}

}  // namespace

HttpResponse send_with_retries(HttpClient& http, const HttpRequest& request, const RetryPolicy& policy,
                               const std::string& service) {
  auto wait = policy.first_wait;
  for (int attempt = 0;; ++attempt) {
    HttpResponse response;
    try {
      response = http.send(request);
    } catch (Error& e) {
      if (e.code() == ExitCode::interrupted) {
        throw;
      }
      throw Error("cannot reach " + service + ": " + e.what());
    }
    if (!retryable(response) || attempt >= policy.retries) {
      return response;
    }
    const auto pause = retry_after(response, wait);
    if (policy.sleep) {
      policy.sleep(pause);
    } else {
      std::this_thread::sleep_for(pause);
    }
    wait = std::min(wait * 2, k_longest_wait);
  }
}

}  // namespace civic
