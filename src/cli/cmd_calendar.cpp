// civic calendar --ics FILE
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/runtime.hpp"
#include "core/journal/calendar.hpp"
#include "core/util/files.hpp"

namespace civic::cli {
namespace {

int run(const std::string& path, Runtime& rt) {
  const auto now = rt.env().clock.now();
  auto* db = rt.journal_if_exists();
  const auto entries = db ? journal::calendar_entries(*db, local_date(now)) : std::vector<journal::CalendarEntry>{};
  const auto ics = journal::to_ics(entries, now);
  if (path == "-") {
    rt.out() << ics;
  } else {
    write_file_atomic(path, ics);
    rt.note(fmt::format("wrote {} event(s) to {}; importing it again updates them", entries.size(), path));
  }
  return to_int(ExitCode::ok);
}

}  // namespace

Action setup_calendar(CLI::App& command) {
  auto path = std::make_shared<std::string>();
  command.add_option("--ics", *path, "the iCalendar file to write (- for stdout)")->required();
  return [path](Runtime& rt) { return run(*path, rt); };
}

}  // namespace civic::cli
