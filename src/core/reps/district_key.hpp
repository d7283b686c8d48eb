#pragma once
// District names differ between datasets ("Second Worcester" in the people
// data, "2nd_worcester" in division ids; "8A" seats in district "8"). A
// normalised key lets them meet.

#include <optional>
#include <string>
#include <string_view>

namespace civic::reps {

// Lower case, "&" as "and", ordinal words as numbers, any run of
// punctuation or spaces as one "_", leading zeros of numbers dropped.
std::string district_key(std::string_view district);

// Equal keys, or one is the other plus a single trailing letter (a seat
// or subdistrict of the same district: "8a" in "8", "9" over "9b").
bool district_keys_match(std::string_view a, std::string_view b);

// The same words in another order ("windham_windsor_bennington" and
// "windham_bennington_windsor"): a weaker match, used only when no district
// matches by district_keys_match.
bool district_keys_same_words(std::string_view a, std::string_view b);

// An OCD id's place: "<prefix>state:wa/cd:7" (or district:, territory:)
// gives the state "wa" (two lower-case letters) and the rest "/cd:7";
// nullopt when the id is not in that form.
struct OcdPlace {
  std::string_view state;
  std::string_view rest;
};
std::optional<OcdPlace> ocd_place(std::string_view id, std::string_view prefix);

}  // namespace civic::reps
