// civic locate ADDRESS | --latlon LAT,LON | --zip ZIP | --input FILE.csv
#include <CLI/CLI.hpp>

#include "cli/bulk_locate.hpp"
#include "cli/commands.hpp"
#include "cli/place.hpp"
#include "cli/present_location.hpp"
#include "cli/runtime.hpp"
#include "core/data/status.hpp"

namespace civic::cli {
namespace {

struct Options {
  PlaceOptions place;
  std::optional<std::string> input;
};

int run(const Options& options, Runtime& rt) {
  if (options.input) {
    if (options.place.given()) {
      throw usage_error("--input reads its places from the file; do not name one too");
    }
    return run_bulk_locate(*options.input, options.place, rt);
  }
  PlaceResolver resolver(rt, options.place);
  const auto location = resolver.resolve(options.place);
  const auto explain = options.place.explain ? data::read_datasets(rt.reference()) : ExplainData{};
  rt.output().emit(location_record(location, rt.output().palette(), explain));
  return to_int(ExitCode::ok);
}

}  // namespace

Action setup_locate(CLI::App& command) {
  auto options = std::make_shared<Options>();
  add_place_options(command, options->place);
  command.add_option("--input", options->input,
                     "a CSV of places, one output row per input row: columns id and lat,lon or zip or "
                     "street,city,state,zip");
  return [options](Runtime& rt) { return run(*options, rt); };
}

}  // namespace civic::cli
