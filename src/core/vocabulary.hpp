#pragma once
// The words letters, the journal and campaigns share, defined once: how a
// contact is made (channel), what it asks (stance), what came of it
// (outcome), and the file formats a letter is written in. Each is stored,
// typed and printed as the same text ("follow-up", "no-answer").

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace civic {

enum class Channel { letter, email, form, call, visit, fax };
enum class Stance { support, oppose, thanks, follow_up };
enum class Outcome { drafted, sent, reached, voicemail, replied, no_answer };
enum class LetterFormat { txt, md, html, pdf, eml };

// Each enum's words, in the order of its values. Literals: data() ends in NUL.
inline constexpr std::string_view k_channel_names[] = {"letter", "email", "form", "call", "visit", "fax"};
inline constexpr std::string_view k_stance_names[] = {"support", "oppose", "thanks", "follow-up"};
inline constexpr std::string_view k_outcome_names[] = {"drafted", "sent", "reached", "voicemail", "replied", "no-answer"};
inline constexpr std::string_view k_format_names[] = {"txt", "md", "html", "pdf", "eml"};
// The channels civic drafts for (letter, campaigns): the first four.
inline constexpr std::size_t k_drafted_channels = 4;

std::string_view to_string(Channel channel);
std::string_view to_string(Stance stance);
std::string_view to_string(Outcome outcome);
std::string_view to_string(LetterFormat format);

std::optional<Channel> parse_channel(std::string_view text);
std::optional<Stance> parse_stance(std::string_view text);  // "follow_up" too, as templates spell it
std::optional<Outcome> parse_outcome(std::string_view text);
std::optional<LetterFormat> parse_letter_format(std::string_view text);

// Written channels get a reply by post or email; calls and visits do not.
bool written_channel(Channel channel);

// The words of `names`, for a list of allowed values ("letter, email, ...")
// or a parser's choices.
template <std::size_t N>
std::vector<std::string> name_list(const std::string_view (&names)[N], std::size_t count = N) {
  return {std::begin(names), std::begin(names) + count};
}
// "a, b or c"
std::string or_list(const std::vector<std::string>& words);

}  // namespace civic
