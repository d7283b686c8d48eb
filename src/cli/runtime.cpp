#include "cli/runtime.hpp"

#include "core/data/reference_db.hpp"
#include "core/clock.hpp"
#include "core/journal/journal_db.hpp"

namespace civic::cli {

Format parse_format(const std::string& text) {
  if (text == "json") {
    return Format::json;
  }
  return text == "csv" ? Format::csv : Format::table;
}

bool color_wanted(const Config& config, const GlobalOptions& options, const EnvVars& vars, Tty tty) {
  if (options.no_color || vars.count("NO_COLOR") != 0) {
    return false;
  }
  const auto& mode = config.string("output.color");
  return mode == "always" || (mode == "auto" && tty == Tty::yes);
}

Runtime::Runtime(Env& env, const Terminal& terminal, std::ostream& out, std::ostream& err, Config config,
                 const GlobalOptions& options)
    : m_env(env),
      m_out(out),
      m_err(err),
      m_config(std::move(config)),
      m_options(options),
      m_output(out, parse_format(m_config.string("output.format")),
               Palette{color_wanted(m_config, options, env.vars, terminal.out_is_tty ? Tty::yes : Tty::no)}),
      m_err_palette{color_wanted(m_config, options, env.vars, terminal.err_is_tty ? Tty::yes : Tty::no)},
      m_out_is_tty(terminal.out_is_tty),
      m_progress_enabled(terminal.err_is_tty && !options.quiet) {}

SQLite::Database& Runtime::reference() {
  if (!m_reference) {
    m_reference = std::make_unique<SQLite::Database>(data::open_reference(reference_path()));
  }
  return *m_reference;
}

SQLite::Database& Runtime::journal() {
  m_journal_written = true;
  if (!m_journal) {
    m_journal = std::make_unique<SQLite::Database>(journal::open_journal(journal_path(), now_utc()));
  }
  return *m_journal;
}

SQLite::Database* Runtime::journal_if_exists() {
  if (!m_journal) {
    auto db = journal::open_journal_if_exists(journal_path(), now_utc());
    if (!db) {
      return nullptr;
    }
    m_journal = std::make_unique<SQLite::Database>(std::move(*db));
  }
  return m_journal.get();
}

std::string Runtime::now_utc() const { return format_utc_timestamp(m_env.clock.now()); }

void Runtime::warn(const std::string& message) {
  end_progress();
  m_err << "civic: " << m_err_palette.paint("warning:", Style::warn) << " " << message << "\n";
}

void Runtime::note(const std::string& message) {
  if (!m_options.quiet) {
    end_progress();
    m_err << "civic: " << message << "\n";
  }
}

void Runtime::progress(const std::string& line) {
  if (m_progress_enabled) {
    m_err << "\r\033[K" << line << std::flush;
    m_progress_shown = true;
  }
}

void Runtime::end_progress() {
  if (m_progress_shown) {
    m_err << "\r\033[K" << std::flush;
    m_progress_shown = false;
  }
}

}  // namespace civic::cli
