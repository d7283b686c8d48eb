// civic track BILL... | civic track --list
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/journal_args.hpp"
#include "cli/runtime.hpp"
#include "cli/schema.hpp"
#include "core/bills/bill_id.hpp"
#include "core/bills/catalog.hpp"
#include "core/journal/tracking.hpp"

namespace civic::cli {
namespace {

struct Options {
  std::vector<std::string> bills;
  bool list = false;
};

const Schema<journal::TrackedBill>& tracked_schema() {
  using T = journal::TrackedBill;
  static const Schema<T> schema{
      {
          {"bill", "BILL", [](const T& t) { return Cell(t.bill); }},
          {"title", "TITLE", [](const T& t) { return Cell(t.title); }},
          {"latest_action_date", "LATEST ACTION", [](const T& t) { return Cell(t.latest_action_date); }},
          {"latest_action", "WHAT", [](const T& t) { return Cell(t.latest_action_text); }},
          {"law", "LAW", [](const T& t) { return Cell(t.law.empty() ? "" : "P.L. " + t.law); }},
          {"synced_at", "SYNCED", [](const T& t) { return Cell(t.synced_at.value_or("")); }},
          {"tracked_since", "TRACKED SINCE", [](const T& t) { return Cell(t.added_at.substr(0, 10)); }},
      },
      {"bill", "title", "latest_action_date", "latest_action", "law", "synced_at", "tracked_since"},
  };
  return schema;
}

int list(Runtime& rt) {
  auto* db = rt.journal_if_exists();
  const auto tracked = db ? journal::tracked_bills(*db) : std::vector<journal::TrackedBill>{};
  if (tracked.empty()) {
    rt.note("no tracked bills: 'civic track BILL' adds one");
  }
  rt.output().emit(listing_of(tracked_schema(), tracked));
  return to_int(ExitCode::ok);
}

int run(const Options& o, Runtime& rt) {
  if (o.list || o.bills.empty()) {
    return list(rt);
  }
  const auto catalog = bills::load_catalog(rt.templates_dir());
  for (const auto& text : o.bills) {
    const auto bill = canonical_bill(rt, text);
    const auto* entry = catalog.find(*bills::parse_bill_id(bill, 0));
    const auto title = entry ? entry->name() : std::string();
    const bool added = journal::track_bill(rt.journal(), bill, title, rt.now_utc());
    rt.out() << fmt::format("{} {}{}\n", added ? "tracking" : "already tracking", bill,
                            title.empty() ? "" : ": " + title);
  }
  rt.note("'civic bills sync' fetches their status and actions from Congress.gov");
  return to_int(ExitCode::ok);
}

}  // namespace

Action setup_track(CLI::App& command) {
  auto o = std::make_shared<Options>();
  command.add_option("bill", o->bills, "bills to follow: hr1144-119, H.R. 1144, S. 1829");
  command.add_flag("--list", o->list, "list the tracked bills (also with no bill given)");
  return [o](Runtime& rt) { return run(*o, rt); };
}

}  // namespace civic::cli
