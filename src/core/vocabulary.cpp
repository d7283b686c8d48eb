#include "core/vocabulary.hpp"

#include <cstddef>

namespace civic {
namespace {

template <class E, std::size_t N>
std::optional<E> parse_name(std::string_view text, const std::string_view (&names)[N]) {
  for (std::size_t i = 0; i < N; ++i) {
    if (text == names[i]) {
      return static_cast<E>(i);
    }
  }
  return std::nullopt;
}

template <class E, std::size_t N>
std::string_view name_of(E value, const std::string_view (&names)[N]) {
  return names[static_cast<std::size_t>(value)];
}

}  // namespace

std::string_view to_string(Channel channel) { return name_of(channel, k_channel_names); }
std::string_view to_string(Stance stance) { return name_of(stance, k_stance_names); }
std::string_view to_string(Outcome outcome) { return name_of(outcome, k_outcome_names); }
std::string_view to_string(LetterFormat format) { return name_of(format, k_format_names); }

std::optional<Channel> parse_channel(std::string_view text) { return parse_name<Channel>(text, k_channel_names); }

std::optional<Stance> parse_stance(std::string_view text) {
  return text == "follow_up" ? Stance::follow_up : parse_name<Stance>(text, k_stance_names);
}

std::optional<Outcome> parse_outcome(std::string_view text) { return parse_name<Outcome>(text, k_outcome_names); }

std::optional<LetterFormat> parse_letter_format(std::string_view text) {
  return parse_name<LetterFormat>(text, k_format_names);
}

bool written_channel(Channel channel) { return channel != Channel::call && channel != Channel::visit; }

std::string or_list(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + words[i];
  }
  return out;
}

}  // namespace civic
