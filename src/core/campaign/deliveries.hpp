#pragma once
// Emails as RFC 5322 .eml files, for an organizer to send from their own
// mail program (civic sends nothing).

#include <string>
#include <vector>

#include "core/campaign/rendering.hpp"

namespace civic::campaign {

// One email as an .eml file: CRLF lines, UTF-8 text in quoted-printable,
// non-ASCII header words in RFC 2047 encoding, a Message-ID that stays the
// same from run to run. `date` is YYYY-MM-DD.
std::string to_eml(const RenderedLetter& letter, const std::string& date);

// Quoted-printable (RFC 2045): lines of at most 76 characters, soft breaks.
std::string quoted_printable(std::string_view text);

}  // namespace civic::campaign
