#pragma once
// How officials and seats look in each output format. The JSON keys are
// the public scripting contract: add keys freely, never rename silently.

#include <functional>
#include <string>
#include <vector>

#include "cli/output.hpp"
#include "cli/schema.hpp"
#include "core/clock.hpp"
#include "core/reps/for_location.hpp"
#include "core/reps/model.hpp"

namespace civic::cli {

// The official as a JSON object; `roles` lists the seats held (left out
// where the official is nested in a seat).
enum class WithRoles { no, yes };
void write_official(JsonWriter& json, const reps::Official& official, WithRoles roles);

// `reps`: a compact table, a wide CSV, and nested JSON. `today` marks
// seats whose recorded term has already ended. The listing refers to
// `seats`: emit it while they live.
Listing seats_listing(const std::vector<reps::Seat>& seats, Date today);

// The seats of a located place, each with its holder's nearest office: the
// table or CSV, and the JSON array.
Table located_seats_table(const std::vector<reps::LocatedSeat>& seats, Date today, TableKind kind);
void write_located_seats(JsonWriter& json, const std::vector<reps::LocatedSeat>& seats, Date today);

// `official`: a readable card, JSON, and a one-row CSV; refers to `official`.
Record official_record(const reps::Official& official, const Palette& palette, Date today);
std::string official_card(const reps::Official& official, const Palette& palette);

// D, R, I, ... for the compact table; the full name when unknown.
std::string party_abbreviation(const std::string& party);

}  // namespace civic::cli
