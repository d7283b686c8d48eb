#pragma once
// The command table: the table of contents of the CLI. One row per
// command, one file per command (cmd_<name>.cpp).

#include <functional>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace civic::cli {

class Runtime;

// Which databases a command needs; the reference database is opened (and
// checked) before the command runs.
enum class Access { none, reference_read };

using Action = std::function<int(Runtime&)>;

struct CommandSpec {
  std::string_view name;
  std::string_view summary;
  Access access;
  // Binds the command's options; returns what to run after parsing.
  Action (*setup)(CLI::App& command);
};

Action setup_data(CLI::App& command);
Action setup_locate(CLI::App& command);
Action setup_reps(CLI::App& command);
Action setup_official(CLI::App& command);
Action setup_config(CLI::App& command);
Action setup_bills(CLI::App& command);
Action setup_letter(CLI::App& command);
Action setup_goods(CLI::App& command);
Action setup_report(CLI::App& command);
Action setup_me(CLI::App& command);
Action setup_log(CLI::App& command);
Action setup_journal(CLI::App& command);
Action setup_track(CLI::App& command);
Action setup_untrack(CLI::App& command);
Action setup_upcoming(CLI::App& command);
Action setup_remind(CLI::App& command);
Action setup_calendar(CLI::App& command);
Action setup_campaign(CLI::App& command);

const std::vector<CommandSpec>& commands();

}  // namespace civic::cli
