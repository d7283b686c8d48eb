#pragma once
// Who a letter goes to: the official's title and salutation as their seat
// has it, and the office the letter is addressed to.

#include <optional>
#include <string>

#include "core/letters/letter.hpp"
#include "core/reps/model.hpp"

namespace civic::letters {

// District offices by default: mail to Washington is screened and delayed
// for weeks, and a district office reads constituents' letters first.
enum class OfficeChoice { district, capitol };
std::optional<OfficeChoice> parse_office_choice(std::string_view text);

struct OfficePick {
  const reps::Office* office = nullptr;  // null when the official has no postal address on record
  std::string note;                      // why another kind was used, when it was
};

// `nearest`: index of the office nearest the writer, when known.
OfficePick pick_office(const reps::Official& official, OfficeChoice choice, std::optional<std::size_t> nearest);

// The recipient for `role`, addressed to `office` (may be null).
Recipient make_recipient(const reps::Official& official, const reps::Role& role, const reps::Office* office);

// "Dear Senator Cantwell:" for every seat: the title the seat has in its
// state (Assemblymember, Delegate, Resident Commissioner, ...).
std::string salutation(const std::string& title, const std::string& last_name);

}  // namespace civic::letters
