#include "cli/run.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include <CLI/CLI.hpp>
#include <SQLiteCpp/Exception.h>

#include "cli/commands.hpp"
#include "cli/reminders.hpp"
#include "core/error.hpp"
#include "core/util/text.hpp"
#include "civic_version.hpp"

namespace civic::cli {
namespace {

constexpr const char* k_footer = R"(Exit codes: 0 ok, 1 failure, 2 usage error, 3 partial (some rows failed), 130 interrupted.
Run 'civic COMMAND --help' for a command's options.)";

void add_global_options(CLI::App& app, GlobalOptions& options) {
  app.add_option("--format", options.format, "output format of listings: table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  app.add_option("--config", options.config_file, "read this config file instead of the default one");
  app.add_flag("--no-config", options.no_config, "ignore the config file");
  app.add_flag("--no-color", options.no_color, "never colour the output (NO_COLOR does the same)");
  app.add_flag("-q,--quiet", options.quiet, "no notes or progress on stderr; data and errors still print");
}

void print_error(std::ostream& err, const Palette& palette, const Error& e) {
  err << "civic: " << palette.paint("error:", Style::bad) << " " << e.what() << "\n";
  for (const auto& line : e.contexts()) {
    err << "  " << line << "\n";
  }
  if (!e.hint_text().empty()) {
    err << "civic: hint: " << e.hint_text() << "\n";
  }
}

// The command word: the first argument that is neither an option nor the
// value of a global option that takes one.
std::optional<std::string> command_word(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--format" || args[i] == "--config") {
      ++i;
    } else if (args[i].empty() || args[i][0] != '-') {
      return args[i];
    }
  }
  return std::nullopt;
}

// CLI11 reports an unknown command as an unexpected argument; say it plainly.
Error parse_error(const CLI::ParseError& e, const std::vector<std::string>& args) {
  std::vector<std::string> names;
  for (const auto& spec : commands()) {
    names.emplace_back(spec.name);
  }
  const auto word = command_word(args);
  if (word && std::find(names.begin(), names.end(), *word) == names.end()) {
    auto error = usage_error("unknown command '" + *word + "'");
    if (auto match = text::closest_match(*word, names)) {
      return error.hint("did you mean '" + *match + "'?");
    }
    return error.hint("run 'civic --help' for the list of commands");
  }
  std::string message = e.what();
  if (!message.empty() && message.back() == '\n') {
    message.pop_back();
  }
  return usage_error(text::lower(message.substr(0, 1)) + message.substr(1))
      .hint(word ? "see 'civic " + *word + " --help'" : "see 'civic --help'");
}

int run_action(const Action& action, Access access, Env& env, const Terminal& terminal, std::ostream& out,
               std::ostream& err, const GlobalOptions& options, bool remind_after) {
  Palette err_palette{terminal.err_is_tty && env.vars.count("NO_COLOR") == 0 && !options.no_color};
  try {
    ConfigOptions config_options;
    if (options.config_file) {
      config_options.file = *options.config_file;
    }
    config_options.no_config = options.no_config;
    if (options.format) {
      config_options.flags["output.format"] = *options.format;
    }
    Runtime runtime(env, terminal, out, err, Config::load(env.vars, config_options), options);
    err_palette = runtime.err_palette();
    for (const auto& warning : runtime.config().warnings()) {
      runtime.warn(to_string(warning));
    }
    if (access == Access::reference_read) {
      runtime.reference();
    }
    const int code = action(runtime);
    // After a command that wrote the journal the user has just seen what
    // they did; the next command brings the note.
    if (remind_after && code == to_int(ExitCode::ok) && !runtime.journal_written()) {
      note_due_reminders(runtime);
    }
    return code;
  } catch (const Error& e) {
    print_error(err, err_palette, e);
    return to_int(e.code());
  } catch (const SQLite::Exception& e) {
    print_error(err, err_palette, Error(std::string("database: ") + e.what()));
    return to_int(ExitCode::failure);
  } catch (const std::exception& e) {
    err << "civic: internal error: " << e.what() << " (please report)\n";
    return to_int(ExitCode::failure);
  }
}

}  // namespace

std::string version_string() { return std::string("civic ") + k_civic_version; }

int run(const std::vector<std::string>& args, Env& env, const Terminal& terminal, std::ostream& out,
        std::ostream& err) {
  CLI::App app("civic: who represents a place, letters to them, and a journal of what you did");
  app.name("civic");
  app.footer(k_footer);
  app.set_version_flag("--version", version_string());
  app.require_subcommand(1);
  app.fallthrough();
  GlobalOptions options;
  add_global_options(app, options);

  std::map<CLI::App*, std::pair<Action, Access>> actions;
  for (const auto& spec : commands()) {
    auto* command = app.add_subcommand(std::string(spec.name), std::string(spec.summary));
    command->fallthrough();
    actions[command] = {spec.setup(*command), spec.access};
  }

  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {
      return app.exit(e, out, err);
    }
    print_error(err, Palette{}, parse_error(e, args));
    return to_int(ExitCode::usage);
  }
  for (const auto& [command, entry] : actions) {
    if (command->parsed()) {
      // `remind` lists them itself.
      const bool remind_after = command->get_name() != "remind";
      return run_action(entry.first, entry.second, env, terminal, out, err, options, remind_after);
    }
  }
  return to_int(ExitCode::usage);
}

}  // namespace civic::cli
