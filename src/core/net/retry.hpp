#pragma once
// Asking a web service politely: on 429 and 5xx answers, wait (as the
// server's Retry-After says, or twice as long each time) and ask again.

#include <chrono>
#include <functional>
#include <string>

#include "core/net/http.hpp"

namespace civic {

struct RetryPolicy {
  int retries = 3;
  std::chrono::milliseconds first_wait{500};
  std::function<void(std::chrono::milliseconds)> sleep;  // injectable for tests; real sleep when empty
};

// The last answer, 2xx or not, after the retries allowed. A request that
// got no answer at all throws an Error starting "cannot reach <service>";
// an interruption is rethrown as it is.
HttpResponse send_with_retries(HttpClient& http, const HttpRequest& request, const RetryPolicy& policy,
                               const std::string& service);

// Whether an answer is worth asking again for.
inline bool retryable(const HttpResponse& response) { return response.status == 429 || response.status >= 500; }

}  // namespace civic
