// civic reps ADDRESS | --latlon | --zip | --state ST [--district D] [--chamber ...] [--level ...]
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/place.hpp"
#include "cli/present_location.hpp"
#include "cli/present_official.hpp"
#include "cli/runtime.hpp"
#include "core/clock.hpp"
#include "core/data/status.hpp"
#include "core/reps/directory.hpp"
#include "core/reps/for_location.hpp"
#include "core/reps/states.hpp"

namespace civic::cli {
namespace {

struct Options {
  PlaceOptions place;
  std::optional<std::string> state;
  std::optional<std::string> district;
  std::optional<std::string> chamber;
  std::optional<std::string> level;
};

reps::SeatQuery filters(const Options& options) {
  reps::SeatQuery query;
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
  return query;
}

int run_for_place(const Options& options, Runtime& rt) {
  if (options.district) {
    throw usage_error("--district goes with --state; a place finds its own districts");
  }
  PlaceResolver resolver(rt, options.place);
  const auto location = resolver.resolve(options.place);
  const auto seats = reps::seats_for_location(rt.reference(), location, filters(options));
  const auto explain = options.place.explain ? data::read_datasets(rt.reference()) : ExplainData{};
  rt.output().emit(
      located_seats_listing(location, seats, utc_date(rt.env().clock.now()), rt.output().palette(), explain));
  return to_int(location.state.empty() ? ExitCode::failure : ExitCode::ok);
}

int run_for_state(const Options& options, Runtime& rt) {
  auto query = filters(options);
  query.state = std::string(reps::require_state(*options.state).code);
  query.district = options.district;
  const auto seats = reps::find_seats(rt.reference(), query);
  if (seats.empty()) {
    throw Error("no seats match in " + query.state)
        .hint(options.district ? "check the district with 'civic reps --state " + query.state + " --format csv'"
                               : "run 'civic data status' to see what the reference data holds");
  }
  rt.output().emit(seats_listing(seats, utc_date(rt.env().clock.now())));
  return to_int(ExitCode::ok);
}

int run(const Options& options, Runtime& rt) {
  if (options.state && options.place.given()) {
    throw usage_error("give a place or --state, not both");
  }
  if (!options.state && !options.place.given()) {
    throw usage_error("name a place (an address, --latlon or --zip) or a state (--state)")
        .hint("for example: civic reps --latlon 47.6062,-122.3321, or civic reps --state WA");
  }
  return options.state ? run_for_state(options, rt) : run_for_place(options, rt);
}

}  // namespace

Action setup_reps(CLI::App& command) {
  auto options = std::make_shared<Options>();
  add_place_options(command, options->place);
  command.add_option("--state", options->state, "every seat of a state, DC or territory (two-letter code)");
  command.add_option("--district", options->district,
                     "with --state: only this district: a congressional number (0 or at-large for at-large seats) "
                     "or a state district name");
  command.add_option("--chamber", options->chamber, "senate or house (Congress); upper, lower or executive (state)")
      ->check(CLI::IsMember({"senate", "house", "upper", "lower", "executive"}));
  command.add_option("--level", options->level, "federal, state or all (default all)")
      ->check(CLI::IsMember({"federal", "state", "all"}));
  return [options](Runtime& rt) { return run(*options, rt); };
}

}  // namespace civic::cli
