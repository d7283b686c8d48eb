#include "core/bills/congress_api.hpp"

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/util/stable_id.hpp"

namespace civic::bills {
namespace {

using nlohmann::json;

std::string text_at(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string bill_path(const BillId& bill) {
  return "/bill/" + std::to_string(bill.congress) + "/" + std::string(type_code(bill.type)) + "/" +
         std::to_string(bill.number);
}

json get_json(HttpClient& http, const CongressOptions& options, const std::string& path, const BillId& bill) {
  HttpRequest request;
  request.url = options.base_url + path;
  request.headers = {{"X-Api-Key", options.api_key}, {"Accept", "application/json"}};
  const auto what = bill.display() + " (" + bill.canonical() + ")";
  const auto response = send_with_retries(http, request, options.retry, "Congress.gov for " + what);
  if (response.status == 401 || response.status == 403) {
    throw usage_error("Congress.gov refused the API key (HTTP " + std::to_string(response.status) + ")")
        .hint("check congress.api_key or CONGRESS_API_KEY; keys are free at https://api.congress.gov/sign-up/");
  }
  if (response.status == 404) {
    throw Error("Congress.gov has no bill " + what).hint("check the number and the Congress");
  }
  if (!response.ok()) {
    throw Error("Congress.gov answered HTTP " + std::to_string(response.status) + " for " + what +
                (retryable(response) ? " after " + std::to_string(options.retry.retries) + " retries" : ""))
        .hint("try again later; the journal keeps what the last sync found");
  }
  try {
    auto document = json::parse(response.body);
    if (!document.is_object()) {
      throw json::type_error::create(302, "not an object", nullptr);
    }
    return document;
  } catch (const json::exception&) {
    throw Error("Congress.gov answered something other than the expected JSON for " + what + " (" + path + ")")
        .hint("try again later; the journal was not changed");
  }
}

void read_actions(const json& page, std::vector<BillAction>& out) {
  const auto it = page.find("actions");
  if (it == page.end() || !it->is_array()) {
    throw Error("Congress.gov's answer has no list of actions");
  }
  for (const auto& item : *it) {
    if (!item.is_object()) {
      continue;
    }
    BillAction action{text_at(item, "actionDate"), text_at(item, "actionCode"), text_at(item, "text"), ""};
    if (const auto source = item.find("sourceSystem"); source != item.end() && source->is_object()) {
      action.source = text_at(*source, "name");
    }
    if (!action.date.empty() && !action.text.empty()) {
      out.push_back(std::move(action));
    }
  }
}

long total_count(const json& page) {
  const auto it = page.find("pagination");
  if (it != page.end() && it->is_object()) {
    const auto count = it->find("count");
    if (count != it->end() && count->is_number_integer()) {
      return count->get<long>();
    }
  }
  return 0;
}

}  // namespace

void require_api_key(const CongressOptions& options) {
  if (options.api_key.empty()) {
    throw usage_error("no Congress.gov API key")
        .hint("get a free key at https://api.congress.gov/sign-up/, then set CONGRESS_API_KEY or congress.api_key");
  }
}

std::string BillAction::key() const { return stable_id(date + "|" + code + "|" + source + "|" + text); }

CongressStatus fetch_bill_status(HttpClient& http, const CongressOptions& options, const BillId& bill) {
  require_api_key(options);
  CongressStatus status;
  const auto document = get_json(http, options, bill_path(bill) + "?format=json", bill);
  const auto it = document.find("bill");
  if (it == document.end() || !it->is_object()) {
    throw Error("Congress.gov's answer for " + bill.display() + " holds no bill").hint("try again later");
  }
  status.title = text_at(*it, "title");
  if (const auto latest = it->find("latestAction"); latest != it->end() && latest->is_object()) {
    status.latest_action_date = text_at(*latest, "actionDate");
    status.latest_action_text = text_at(*latest, "text");
  }
  if (const auto laws = it->find("laws"); laws != it->end() && laws->is_array()) {
    for (const auto& law : *laws) {
      if (law.is_object()) {
        status.laws.push_back(text_at(law, "number"));
      }
    }
  }
  for (long offset = 0;; offset += options.page_size) {
    const auto page = get_json(http, options,
                               bill_path(bill) + "/actions?format=json&offset=" + std::to_string(offset) +
                                   "&limit=" + std::to_string(options.page_size),
                               bill);
    const auto before = status.actions.size();
    read_actions(page, status.actions);
    if (status.actions.size() == before || offset + options.page_size >= total_count(page)) {
      break;
    }
  }
  return status;
}

}  // namespace civic::bills
