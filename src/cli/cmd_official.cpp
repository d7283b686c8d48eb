// civic official ID
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/present_official.hpp"
#include "cli/runtime.hpp"
#include "core/clock.hpp"
#include "core/reps/directory.hpp"

namespace civic::cli {
namespace {

int run(const std::string& id, Runtime& rt) {
  const auto official = reps::find_official(rt.reference(), id);
  if (!official) {
    throw Error("no official with id '" + id + "'")
        .hint("ids are bioguide ids (C000127) or ocd-person/... ids; list them with 'civic reps --state ST'");
  }
  rt.output().emit(official_record(*official, rt.output().palette(), utc_date(rt.env().clock.now())));
  return to_int(ExitCode::ok);
}

}  // namespace

Action setup_official(CLI::App& command) {
  auto id = std::make_shared<std::string>();
  command.add_option("id", *id, "bioguide id, ocd-person/... id, or scheme:value (govtrack:412242)")->required();
  return [id](Runtime& rt) { return run(*id, rt); };
}

}  // namespace civic::cli
