#pragma once
// What the journal commands read from their flags: bills in any spelling,
// officials by id (with a snapshot from the reference data), dates and the
// shared filters.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/journal/contact.hpp"

namespace CLI {
class App;
}

namespace civic::cli {

class Runtime;

// "hr1144-119" for "H.R. 1144", "hr1144", a congress.gov URL or "P.L. 119-73"
// (a law the catalog knows). Throws a usage error otherwise.
std::string canonical_bill(Runtime& rt, std::string_view text);

// The official as the reference data has them today.
journal::OfficialSnapshot snapshot_official(Runtime& rt, const std::string& id);

// A date (2026-12-01), +Nd or today/tomorrow; `flag` names it in errors.
std::string parse_day_flag(Runtime& rt, std::string_view text, std::string_view flag);

// --at: a local date or time (2026-11-20, "2026-11-20 14:30") or UTC (…Z).
std::string parse_at_flag(std::string_view text);

struct FilterFlags {
  std::optional<std::string> since;
  std::optional<std::string> bill;
  std::optional<std::string> official;
  std::optional<std::string> channel;
};
void add_filter_flags(CLI::App& command, FilterFlags& flags);
journal::ContactFilter to_filter(Runtime& rt, const FilterFlags& flags);

}  // namespace civic::cli
