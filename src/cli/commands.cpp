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
      {"me", "your own place and sender details, for --me and letters", Access::none, setup_me},
      {"config", "show the configuration and where each value came from", Access::none, setup_config},
  };
  return table;
}

}  // namespace civic::cli
