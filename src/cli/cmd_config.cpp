// civic config show | civic config path
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/runtime.hpp"

namespace civic::cli {
namespace {

std::string shown_value(const KeySpec& spec, const Setting& setting) {
  if (spec.secret == Secret::yes && !setting.value.empty()) {
    return "(set, hidden)";
  }
  return setting.value;
}

int run_show(Runtime& rt) {
  Table table;
  table.columns = {{"key", "KEY"}, {"value", "VALUE"}, {"origin", "ORIGIN"}, {"where", "WHERE"}};
  for (const auto& spec : config_keys()) {
    const auto& setting = rt.config().setting(spec.key);
    table.rows.push_back({std::string(spec.key), shown_value(spec, setting),
                          Cell(std::string(to_string(setting.origin)),
                               setting.origin == Origin::built_in ? Style::dim : Style::none),
                          setting.where});
  }
  if (!rt.config().file_loaded()) {
    rt.note("no config file at " + rt.config().file().string() + " (defaults and environment only)");
  }
  rt.output().emit(table);
  return to_int(ExitCode::ok);
}

}  // namespace

Action setup_config(CLI::App& command) {
  command.require_subcommand(1);
  auto* show = command.add_subcommand("show", "every setting, its value and where it came from");
  show->fallthrough();
  auto* path = command.add_subcommand("path", "the config file civic reads");
  path->fallthrough();
  return [show](Runtime& rt) {
    if (show->parsed()) {
      return run_show(rt);
    }
    rt.out() << rt.config().file().string() << "\n";
    return to_int(ExitCode::ok);
  };
}

}  // namespace civic::cli
