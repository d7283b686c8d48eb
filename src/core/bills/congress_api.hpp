#pragma once
// A bill's status and actions from the Congress.gov API v3
// (/bill/{congress}/{type}/{number} and .../actions). The key travels in
// the X-Api-Key header, so it never appears in a URL or a message.

#include <string>
#include <vector>

#include "core/bills/bill_id.hpp"
#include "core/net/http.hpp"
#include "core/net/retry.hpp"

namespace civic::bills {

struct CongressOptions {
  std::string base_url;  // https://api.congress.gov/v3
  std::string api_key;
  RetryPolicy retry;
  int page_size = 250;  // the API's largest
};

struct BillAction {
  std::string date;  // 2025-02-07
  std::string code;  // "H11100"; "" when the API gives none
  std::string text;
  std::string source;  // "House floor actions", "Senate", "Library of Congress"
  // Stable across syncs: what makes two answers name the same action.
  std::string key() const;
};

struct CongressStatus {
  std::string title;
  std::string latest_action_date;
  std::string latest_action_text;
  std::vector<std::string> laws;  // "119-73"
  std::vector<BillAction> actions;  // as the API orders them (newest first)
};

// Throws a usage Error saying where to get and put a key when there is none.
void require_api_key(const CongressOptions& options);

// Throws an Error naming the bill for a missing or refused key (usage), a bill
// Congress.gov does not know, an answer that is not the expected JSON, or
// a service that stays unavailable after the retries.
CongressStatus fetch_bill_status(HttpClient& http, const CongressOptions& options, const BillId& bill);

}  // namespace civic::bills
