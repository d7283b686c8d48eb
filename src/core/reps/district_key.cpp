#include "core/reps/district_key.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>
#include <vector>

#include "core/util/text.hpp"

namespace civic::reps {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 20> k_ordinals = {{
    {"first", "1st"},        {"second", "2nd"},        {"third", "3rd"},       {"fourth", "4th"},
    {"fifth", "5th"},        {"sixth", "6th"},         {"seventh", "7th"},     {"eighth", "8th"},
    {"ninth", "9th"},        {"tenth", "10th"},        {"eleventh", "11th"},   {"twelfth", "12th"},
    {"thirteenth", "13th"},  {"fourteenth", "14th"},   {"fifteenth", "15th"},  {"sixteenth", "16th"},
    {"seventeenth", "17th"}, {"eighteenth", "18th"},   {"nineteenth", "19th"}, {"twentieth", "20th"},
}};

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

std::string normalise_word(const std::string& word) {
  for (const auto& [name, number] : k_ordinals) {
    if (word == name) {
      return std::string(number);
    }
  }
  std::size_t zeros = 0;
  while (zeros + 1 < word.size() && word[zeros] == '0' && std::isdigit(static_cast<unsigned char>(word[zeros + 1]))) {
    ++zeros;
  }
  return word.substr(zeros);
}

}  // namespace

std::string district_key(std::string_view district) {
  std::vector<std::string> words;
  std::string word;
  const auto flush = [&] {
    if (!word.empty()) {
      words.push_back(normalise_word(word));
      word.clear();
    }
  };
  for (char c : text::lower(district)) {
    if (c == '&') {
      flush();
      words.emplace_back("and");
    } else if (is_alnum(c)) {
      word += c;
    } else {
      flush();
    }
  }
  flush();
  return text::join(words, "_");
}

bool district_keys_match(std::string_view a, std::string_view b) {
  if (a == b) {
    return true;
  }
  const auto& longer = a.size() > b.size() ? a : b;
  const auto& shorter = a.size() > b.size() ? b : a;
  return !shorter.empty() && longer.size() == shorter.size() + 1 && longer.substr(0, shorter.size()) == shorter &&
         std::isalpha(static_cast<unsigned char>(longer.back())) &&
         std::isdigit(static_cast<unsigned char>(shorter.back()));
}

bool district_keys_same_words(std::string_view a, std::string_view b) {
  auto words_a = text::split(a, '_');
  auto words_b = text::split(b, '_');
  std::sort(words_a.begin(), words_a.end());
  std::sort(words_b.begin(), words_b.end());
  return !a.empty() && words_a == words_b;
}

std::optional<OcdPlace> ocd_place(std::string_view id, std::string_view prefix) {
  if (id.substr(0, prefix.size()) != prefix) {
    return std::nullopt;
  }
  id.remove_prefix(prefix.size());
  for (const std::string_view kind : {"state:", "district:", "territory:"}) {
    if (id.substr(0, kind.size()) != kind) {
      continue;
    }
    const auto state = id.substr(kind.size(), 2);
    const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    if (state.size() != 2 || !lower(state[0]) || !lower(state[1])) {
      return std::nullopt;
    }
    return OcdPlace{state, id.substr(kind.size() + 2)};
  }
  return std::nullopt;
}

}  // namespace civic::reps
