#pragma once
// Small string helpers shared by the core and the CLI.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace civic::text {

std::string lower(std::string_view s);
std::string upper(std::string_view s);
std::string_view trim(std::string_view s);
std::vector<std::string> split(std::string_view s, char sep);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
bool starts_with_ci(std::string_view s, std::string_view prefix);
// At most `limit` bytes of `s` (whole UTF-8 characters), with "..." when
// cut: a value quoted back in a message stays readable however long it is.
std::string excerpt(std::string_view s, std::size_t limit = 60);

// The integer written in the `width` characters of `s` from `at`, all of
// them; nullopt when they are not a number or `s` is shorter.
std::optional<int> read_int(std::string_view s, std::size_t at, std::size_t width);

// Levenshtein distance, for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);
// The candidate closest to `word` when it is close enough to be a plausible typo.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

// Display width of UTF-8 text in terminal cells: one per code point,
// none for combining accents.
std::size_t display_width(std::string_view s);

// Breaks `text` into lines of at most `width` display cells at spaces (a
// longer word gets a line of its own); each line starts with `indent`.
std::vector<std::string> wrap(std::string_view text, std::size_t width, std::string_view indent = "");

// Orders "2" before "10" and "9A" before "10": digit runs compare as numbers.
bool natural_less(std::string_view a, std::string_view b);

}  // namespace civic::text
