// civic reps --state ST [--district D] [--chamber ...] [--level ...]
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/present_official.hpp"
#include "cli/runtime.hpp"
#include "core/clock.hpp"
#include "core/reps/directory.hpp"
#include "core/reps/states.hpp"

namespace civic::cli {
namespace {

struct Options {
  std::string state;
  std::optional<std::string> district;
  std::optional<std::string> chamber;
  std::optional<std::string> level;
};

int run(const Options& options, Runtime& rt) {
  reps::SeatQuery query;
  query.state = std::string(reps::require_state(options.state).code);
  query.district = options.district;
  if (options.chamber) {
    query.chamber = reps::parse_chamber(*options.chamber);
  }
  if (options.level && *options.level != "all") {
    query.level = reps::parse_level(*options.level);
  }
  if (query.chamber && query.level && reps::level_of(*query.chamber) != *query.level) {
    throw usage_error("--chamber " + *options.chamber + " is not at the " + *options.level + " level")
        .hint("senate and house are Congress; upper, lower and executive are the state");
  }
  const auto seats = reps::find_seats(rt.reference(), query);
  if (seats.empty()) {
    throw Error("no seats match in " + query.state)
        .hint(options.district ? "check the district with 'civic reps --state " + query.state + " --format csv'"
                               : "run 'civic data status' to see what the reference data holds");
  }
  rt.output().emit(seats_listing(seats, utc_date(rt.env().clock.now())));
  return to_int(ExitCode::ok);
}

}  // namespace

Action setup_reps(CLI::App& command) {
  auto options = std::make_shared<Options>();
  command.add_option("--state", options->state, "two-letter state, DC or territory code")->required();
  command.add_option("--district", options->district,
                     "only this district: a congressional number (0 or at-large for at-large seats) or a state "
                     "district name");
  command.add_option("--chamber", options->chamber, "senate or house (Congress); upper, lower or executive (state)")
      ->check(CLI::IsMember({"senate", "house", "upper", "lower", "executive"}));
  command.add_option("--level", options->level, "federal, state or all (default all)")
      ->check(CLI::IsMember({"federal", "state", "all"}));
  return [options](Runtime& rt) { return run(*options, rt); };
}

}  // namespace civic::cli
