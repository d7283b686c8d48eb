// civic config show | civic config path
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/runtime.hpp"
#include "cli/schema.hpp"

namespace civic::cli {
namespace {

std::string shown_value(const KeySpec& spec, const Setting& setting) {
  if (spec.secret == Secret::yes && !setting.value.empty()) {
    return "(set, hidden)";
  }
  return setting.value;
}

// A key of the configuration with its setting.
struct KeyLine {
  const KeySpec& spec;
  const Setting& setting;
};

const Schema<KeyLine>& key_schema() {
  using K = KeyLine;
  static const Schema<K> schema{
      {
          {"key", "KEY", [](const K& k) { return Cell(std::string(k.spec.key)); }},
          {"value", "VALUE", [](const K& k) { return Cell(shown_value(k.spec, k.setting)); }},
          {"origin", "ORIGIN",
           [](const K& k) {
             return Cell(std::string(to_string(k.setting.origin)),
                         k.setting.origin == Origin::built_in ? Style::dim : Style::none);
           }},
          {"where", "WHERE", [](const K& k) { return Cell(k.setting.where); }},
      },
      {"key", "value", "origin", "where"},
  };
  return schema;
}

int run_show(Runtime& rt) {
  std::vector<KeyLine> keys;
  for (const auto& spec : config_keys()) {
    keys.push_back({spec, rt.config().setting(spec.key)});
  }
  if (!rt.config().file_loaded()) {
    rt.note("no config file at " + rt.config().file().string() + " (defaults and environment only)");
  }
  rt.output().emit(listing_of(key_schema(), keys));
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
