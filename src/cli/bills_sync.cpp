#include "cli/bills_sync.hpp"

#include <fmt/format.h>

#include "cli/journal_args.hpp"
#include "cli/runtime.hpp"
#include "core/bills/congress_api.hpp"
#include "core/error.hpp"
#include "core/journal/tracking.hpp"

namespace civic::cli {
namespace {

std::vector<std::string> bills_to_sync(const std::vector<std::string>& named, Runtime& rt) {
  std::vector<std::string> out;
  for (const auto& text : named) {
    const auto bill = canonical_bill(rt, text);
    if (journal::track_bill(rt.journal(), bill, "", rt.now_utc())) {
      rt.note("now tracking " + bill);
    }
    out.push_back(bill);
  }
  if (named.empty()) {
    if (auto* db = rt.journal_if_exists()) {
      for (const auto& tracked : journal::tracked_bills(*db)) {
        out.push_back(tracked.bill);
      }
    }
  }
  if (out.empty()) {
    throw usage_error("no bills to sync").hint("track one first: civic track hr1144");
  }
  return out;
}

}  // namespace

int run_bills_sync(const std::vector<std::string>& named, Runtime& rt) {
  bills::CongressOptions options;
  options.base_url = rt.config().string("congress.url");
  options.api_key = rt.config().string("congress.api_key");
  options.retry.retries = static_cast<int>(rt.config().integer("geocoder.retries"));
  bills::require_api_key(options);
  const auto targets = bills_to_sync(named, rt);
  int failed = 0;
  for (const auto& bill : targets) {
    const auto id = *bills::parse_bill_id(bill, 0);
    try {
      const auto status = bills::fetch_bill_status(rt.env().http, options, id);
      const auto outcome = journal::record_sync(rt.journal(), bill, id.display(), status, rt.now_utc());
      rt.out() << fmt::format("{}: {} action(s), {} new; latest {} {}\n", bill, status.actions.size(),
                              outcome.new_actions, status.latest_action_date, status.latest_action_text);
    } catch (const Error& e) {
      if (e.code() == ExitCode::interrupted || e.code() == ExitCode::usage) {
        throw;
      }
      ++failed;
      rt.warn(std::string(e.what()) + (e.hint_text().empty() ? "" : " (" + e.hint_text() + ")"));
    }
  }
  if (failed > 0) {
    rt.note(fmt::format("{} of {} bill(s) could not be synced; the journal keeps what earlier syncs found", failed,
                        targets.size()));
    return to_int(failed == static_cast<int>(targets.size()) ? ExitCode::failure : ExitCode::partial);
  }
  rt.note("'civic remind' shows what is new");
  return to_int(ExitCode::ok);
}

}  // namespace civic::cli
