#pragma once
// Commands with subcommands (journal, campaign): each subcommand binds its
// flags into one shared Options and, when given, picks what runs.

#include <memory>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

namespace civic::cli {

template <class Options>
class Subcommands {
public:
  using Body = int (*)(const Options&, Runtime&);

  explicit Subcommands(CLI::App& command)
      : m_command(command), m_options(std::make_shared<Options>()), m_action(std::make_shared<Action>()) {
    command.require_subcommand(1);
  }

  Options& options() { return *m_options; }

  // Adds `name`; when it is the one given, `body` runs with the options.
  CLI::App* add(const char* name, const char* about, Body body) {
    auto* sub = m_command.add_subcommand(name, about);
    sub->fallthrough();
    sub->callback([options = m_options, action = m_action, body] {
      *action = [options, body](Runtime& rt) { return body(*options, rt); };
    });
    return sub;
  }

  // What the command table runs: the chosen subcommand's body.
  Action action() const {
    return [action = m_action](Runtime& rt) { return (*action)(rt); };
  }

private:
  CLI::App& m_command;
  std::shared_ptr<Options> m_options;
  std::shared_ptr<Action> m_action;
};

}  // namespace civic::cli
