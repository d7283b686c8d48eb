// civic untrack BILL...
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/journal_args.hpp"
#include "cli/runtime.hpp"
#include "core/journal/tracking.hpp"

namespace civic::cli {
namespace {

int run(const std::vector<std::string>& bills, Runtime& rt) {
  for (const auto& text : bills) {
    const auto bill = canonical_bill(rt, text);
    auto* db = rt.journal_if_exists();
    if (db == nullptr || !journal::untrack_bill(*db, bill)) {
      throw usage_error(bill + " is not tracked").hint("'civic track --list' shows the tracked bills");
    }
    rt.out() << "no longer tracking " << bill << "\n";
  }
  return to_int(ExitCode::ok);
}

}  // namespace

Action setup_untrack(CLI::App& command) {
  auto bills = std::make_shared<std::vector<std::string>>();
  command.add_option("bill", *bills, "bills to stop following")->required();
  return [bills](Runtime& rt) { return run(*bills, rt); };
}

}  // namespace civic::cli
