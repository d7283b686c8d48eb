#pragma once
// How officials and seats look in each output format. The JSON keys are
// the public scripting contract: add keys freely, never rename silently.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/output.hpp"
#include "core/clock.hpp"
#include "core/reps/model.hpp"

namespace civic::cli {

nlohmann::ordered_json official_json(const reps::Official& official);
nlohmann::ordered_json seat_json(const reps::Seat& seat, Date today);

// `reps`: a compact table, a wide CSV, and nested JSON. `today` marks
// seats whose recorded term has already ended.
Listing seats_listing(const std::vector<reps::Seat>& seats, Date today);

// `official`: a readable card, JSON, and a one-row CSV.
std::string official_card(const reps::Official& official, const Palette& palette);
Table official_csv(const reps::Official& official, Date today);

// D, R, I, ... for the compact table; the full name when unknown.
std::string party_abbreviation(const std::string& party);

}  // namespace civic::cli
