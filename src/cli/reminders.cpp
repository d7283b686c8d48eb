#include "cli/reminders.hpp"

#include <fmt/format.h>

#include <sys/stat.h>

#include "cli/runtime.hpp"
#include "core/util/files.hpp"
#include "core/journal/tracking.hpp"

namespace civic::cli {

journal::RemindOptions remind_options(Runtime& rt) {
  journal::RemindOptions options;
  options.today = local_date(rt.env().clock.now());
  options.no_reply_days = static_cast<int>(rt.config().integer("journal.no_reply_days"));
  options.vote_window_days = static_cast<int>(rt.config().integer("journal.vote_window_days"));
  return options;
}

namespace {

// What the count depends on: the day, and the journal's files as they are
// (every commit changes the write-ahead log or, after a checkpoint, the
// database file).
std::optional<std::string> journal_state(Runtime& rt) {
  std::string key = format_date(local_date(rt.env().clock.now()));
  for (const auto& path : {rt.journal_path(), std::filesystem::path(rt.journal_path().string() + "-wal")}) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
      if (path == rt.journal_path()) {
        return std::nullopt;  // no journal
      }
      continue;
    }
    if (info.st_size > 0) {  // an empty log is only a reader's
      key += fmt::format(" {}.{}:{}", info.st_mtim.tv_sec, info.st_mtim.tv_nsec, info.st_size);
    }
  }
  return key;
}

std::size_t count_due(Runtime& rt) {
  auto* db = rt.journal_if_exists();
  return db == nullptr ? 0
                       : journal::unshown_alerts(*db).size() + journal::due_reminders(*db, remind_options(rt)).size();
}

}  // namespace

void note_due_reminders(Runtime& rt) {
  if (rt.options().quiet || !rt.config().boolean("journal.remind_note")) {
    return;
  }
  try {
    const auto state = journal_state(rt);
    if (!state) {
      return;
    }
    const auto cache = rt.cache_dir() / "remind-note";
    std::size_t due = 0;
    const auto cached = read_file_if_exists(cache);
    const auto newline = cached ? cached->find('\n') : std::string::npos;
    if (newline != std::string::npos && cached->substr(0, newline) == *state) {
      due = std::stoul(cached->substr(newline + 1));
    } else {
      due = count_due(rt);
      ensure_private_dir(cache.parent_path());
      write_file_atomic(cache, *state + "\n" + std::to_string(due) + "\n");
    }
    if (due > 0) {
      rt.note(fmt::format("{} reminder{} due: run 'civic remind'", due, due == 1 ? "" : "s"));
    }
  } catch (const std::exception&) {
    // The note is a courtesy: a journal problem is reported by the commands that use it.
  }
}

}  // namespace civic::cli
