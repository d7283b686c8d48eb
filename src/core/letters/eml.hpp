#pragma once
// Emails as RFC 5322 .eml files, to send from one's own mail program.

#include <string>
#include <string_view>

#include "core/letters/document.hpp"

namespace civic::letters {

// One email as an .eml file: CRLF lines, UTF-8 text in quoted-printable,
// non-ASCII header words in RFC 2047 encoding, a Message-ID that stays the
// same from run to run (made from `sender_id`, a campaign's supporter id,
// and the letter's file stem). `date` is YYYY-MM-DD.
std::string to_eml(const LetterDocument& doc, std::string_view date, std::string_view sender_id);

// Quoted-printable (RFC 2045): lines of at most 76 characters, soft breaks.
std::string quoted_printable(std::string_view text);

}  // namespace civic::letters
