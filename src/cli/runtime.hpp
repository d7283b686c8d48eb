#pragma once
// Runtime: what a command runs with. The environment, the loaded
// configuration, the output, and the databases, opened when first asked for.

#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include <SQLiteCpp/Database.h>

#include "cli/output.hpp"
#include "core/config.hpp"
#include "core/env.hpp"

namespace civic::cli {

struct Terminal {
  bool out_is_tty = false;
  bool err_is_tty = false;
};

struct GlobalOptions {
  std::optional<std::string> format;
  std::optional<std::string> config_file;
  bool no_config = false;
  bool no_color = false;
  bool quiet = false;
};

class Runtime {
public:
  Runtime(Env& env, const Terminal& terminal, std::ostream& out, std::ostream& err, Config config,
          const GlobalOptions& options);

  Env& env() { return m_env; }
  const Config& config() const { return m_config; }
  Output& output() { return m_output; }
  std::ostream& out() { return m_out; }
  bool out_is_tty() const { return m_out_is_tty; }
  const GlobalOptions& options() const { return m_options; }

  std::filesystem::path data_dir() const { return m_config.path("paths.data_dir"); }
  std::filesystem::path cache_dir() const { return m_config.path("paths.cache_dir"); }
  std::filesystem::path templates_dir() const { return m_config.path("paths.templates_dir"); }
  std::filesystem::path reference_path() const { return data_dir() / "reference.db"; }
  // me.toml: the user's place and sender details, beside the config file.
  std::filesystem::path me_path() const { return m_config.file().parent_path() / "me.toml"; }
  SQLite::Database& reference();
  std::filesystem::path journal_path() const { return data_dir() / "journal.db"; }
  // The journal, created and migrated when first asked for, to write to.
  SQLite::Database& journal();
  // Whether this command asked for the journal to write to.
  bool journal_written() const { return m_journal_written; }
  // The journal when there is one: commands that only read never create it.
  SQLite::Database* journal_if_exists();
  // The current time as the journal stores it (UTC).
  std::string now_utc() const;

  // Messages on stderr. `note` is informational and silenced by --quiet.
  void warn(const std::string& message);
  void note(const std::string& message);
  // One-line progress that redraws itself, only on a terminal.
  void progress(const std::string& line);
  void end_progress();

  const Palette& err_palette() const { return m_err_palette; }

private:
  Env& m_env;
  std::ostream& m_out;
  std::ostream& m_err;
  Config m_config;
  GlobalOptions m_options;
  Output m_output;
  Palette m_err_palette;
  bool m_out_is_tty;
  bool m_progress_enabled;
  bool m_progress_shown = false;
  std::unique_ptr<SQLite::Database> m_reference;
  std::unique_ptr<SQLite::Database> m_journal;
  bool m_journal_written = false;
};

Format parse_format(const std::string& text);
enum class Tty { no, yes };
bool color_wanted(const Config& config, const GlobalOptions& options, const EnvVars& vars, Tty tty);

}  // namespace civic::cli
