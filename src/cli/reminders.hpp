#pragma once
// Reminders as every command sees them: the options from the configuration,
// and the one-line note after other commands when something is due.

#include "core/journal/remind.hpp"

namespace civic::cli {

class Runtime;

journal::RemindOptions remind_options(Runtime& rt);

// "3 reminders due: run 'civic remind'" on stderr when the journal exists,
// something is due, journal.remind_note is on and --quiet is not given.
// The count is kept in the cache folder for the day and the journal's
// state, so commands that do not touch the journal pay nothing for it.
// Never fails the command it follows.
void note_due_reminders(Runtime& rt);

}  // namespace civic::cli
