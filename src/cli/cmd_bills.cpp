// civic bills list [--theme T] [--status pending|enacted] | civic bills show BILL | civic bills sync [BILL...]
#include <CLI/CLI.hpp>

#include "cli/bills_sync.hpp"
#include "cli/commands.hpp"
#include "cli/present_bill.hpp"
#include "cli/runtime.hpp"
#include "core/bills/catalog.hpp"
#include "core/util/text.hpp"

namespace civic::cli {
namespace {

struct Options {
  std::optional<std::string> theme;
  std::optional<std::string> status;
  std::string bill;
  std::vector<std::string> sync_bills;
};

bills::Theme require_theme(const std::string& text) {
  if (const auto theme = bills::parse_theme(text)) {
    return *theme;
  }
  std::vector<std::string> names;
  for (const auto theme : bills::all_themes()) {
    names.emplace_back(bills::to_string(theme));
  }
  const auto near = text::closest_match(text, names);
  throw usage_error("unknown theme '" + text + "'")
      .hint((near ? "did you mean " + *near + "? " : std::string()) + "themes: " + text::join(names, ", "));
}

bool matches(const bills::Bill& bill, const Options& options, std::optional<bills::Theme> theme) {
  if (theme && std::find(bill.themes.begin(), bill.themes.end(), *theme) == bill.themes.end()) {
    return false;
  }
  if (options.status) {
    return *options.status == "enacted" ? bill.enacted() : bill.pending();
  }
  return true;
}

int run_list(const Options& options, Runtime& rt) {
  const auto catalog = bills::load_catalog(rt.templates_dir());
  const auto theme = options.theme ? std::optional(require_theme(*options.theme)) : std::nullopt;
  std::vector<const bills::Bill*> selected;
  for (const auto& bill : catalog.bills()) {
    if (matches(bill, options, theme)) {
      selected.push_back(&bill);
    }
  }
  rt.output().emit(bills_listing(selected));
  if (selected.empty()) {
    rt.warn("no bill in the catalog matches");
  }
  return to_int(ExitCode::ok);
}

int run_show(const Options& options, Runtime& rt) {
  const auto today = utc_date(rt.env().clock.now());
  const auto catalog = bills::load_catalog(rt.templates_dir());
  const auto& bill = catalog.require(options.bill, bills::congress_on(today));
  rt.output().emit(bill_record(bill, rt.output().palette(), today));
  return to_int(ExitCode::ok);
}

}  // namespace

Action setup_bills(CLI::App& command) {
  command.require_subcommand(1);
  auto options = std::make_shared<Options>();
  auto* list = command.add_subcommand("list", "the bills in the catalog, newest Congress first");
  list->add_option("--theme", options->theme,
                   "only bills on this theme: awareness, policy, supply-chains, survivor-support, demand, training, "
                   "online-exploitation");
  list->add_option("--status", options->status, "pending (still before Congress) or enacted")
      ->check(CLI::IsMember({"pending", "enacted"}));
  list->fallthrough();
  auto* show = command.add_subcommand("show", "one bill: sponsor, status, summary, talking points");
  show->add_option("bill", options->bill, "hr1144-119, H.R. 1144, S. 1829 or P.L. 119-73 (default: current Congress)")
      ->required();
  show->fallthrough();
  auto* sync = command.add_subcommand("sync", "status and actions from Congress.gov for the tracked bills (or these)");
  sync->add_option("bill", options->sync_bills, "bills to sync (they become tracked); default: every tracked bill");
  sync->fallthrough();
  return [options, list, sync](Runtime& rt) {
    if (sync->parsed()) {
      return run_bills_sync(options->sync_bills, rt);
    }
    return list->parsed() ? run_list(*options, rt) : run_show(*options, rt);
  };
}

}  // namespace civic::cli
