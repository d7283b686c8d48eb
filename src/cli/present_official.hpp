#pragma once
// How officials and seats look in each output format. The JSON keys are
// the public scripting contract: add keys freely, never rename silently.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/output.hpp"
#include "core/reps/model.hpp"

namespace civic::cli {

nlohmann::ordered_json official_json(const reps::Official& official);
nlohmann::ordered_json seat_json(const reps::Seat& seat);

// `reps`: a compact table, a wide CSV, and nested JSON.
Listing seats_listing(const std::vector<reps::Seat>& seats);

// `official`: a readable card, JSON, and a one-row CSV.
std::string official_card(const reps::Official& official, const Palette& palette);
Table official_csv(const reps::Official& official);

// D, R, I, ... for the compact table; the full name when unknown.
std::string party_abbreviation(const std::string& party);

}  // namespace civic::cli
