#include "cli/commands.hpp"

namespace civic::cli {

const std::vector<CommandSpec>& commands() {
  static const std::vector<CommandSpec> table = {
      {"data", "import the open civic datasets and show their status", Access::none, setup_data},
      {"locate", "the districts of an address, coordinates or ZIP code (or a CSV of them)", Access::reference_read,
       setup_locate},
      {"reps", "the officials for a place, a state or a district, with their contacts", Access::reference_read,
       setup_reps},
      {"official", "everything about one official, by bioguide or ocd-person id", Access::reference_read,
       setup_official},
      {"bills", "the anti-trafficking bills in the catalog: status, summary, talking points; sync from Congress.gov",
       Access::none,
       setup_bills},
      {"letter", "a letter, email, web-form message or call script about a bill, for each of your officials",
       Access::reference_read, setup_letter},
      {"goods", "is a product on the Labor Department's list of goods made with child or forced labor",
       Access::reference_read, setup_goods},
      {"report", "how to report suspected human trafficking: hotline, text line, tip lines", Access::none,
       setup_report},
      {"log", "record a letter, call, email or visit to an official in your journal", Access::none, setup_log},
      {"journal", "your contacts: list, show, stats, export, import, edit, delete, restore", Access::none,
       setup_journal},
      {"track", "follow a bill: its actions become reminders after 'civic bills sync'", Access::none, setup_track},
      {"untrack", "stop following a bill", Access::none, setup_untrack},
      {"upcoming", "votes, hearings and floor weeks ahead for the bills you follow", Access::none, setup_upcoming},
      {"remind", "what is due: follow-ups, unanswered letters, calls before votes, thanks owed, bill news",
       Access::none, setup_remind},
      {"calendar", "upcoming votes, hearings and follow-ups as an iCalendar file", Access::none, setup_calendar},
      {"campaign", "letter drives: a letter per supporter per official, from a campaign file", Access::none,
       setup_campaign},
      {"me", "your own place and sender details, for --me and letters", Access::none, setup_me},
      {"config", "show the configuration and where each value came from", Access::none, setup_config},
  };
  return table;
}

}  // namespace civic::cli
