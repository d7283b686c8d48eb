#pragma once
// What an organizer hands over besides one file per letter: emails as
// RFC 5322 .eml files (never sent), one bundle per target office with its
// letters in order (text, or a PDF to print), and a mailing-labels CSV.

#include <string>
#include <vector>

#include "core/campaign/campaign_run.hpp"

namespace civic::campaign {

// One email as an .eml file: CRLF lines, UTF-8 text in quoted-printable,
// non-ASCII header words in RFC 2047 encoding, a Message-ID that stays the
// same from run to run. `date` is YYYY-MM-DD.
std::string to_eml(const PlannedLetter& letter, const std::string& date);

// bundles/<official>-<office kind>.<txt|pdf>, one per target office, for
// the formats asked that bundle (txt, pdf), and labels.csv for letters.
std::vector<OutputFile> render_bundles(const Plan& plan, const Campaign& campaign, const std::string& title,
                                       const std::string& date);

// Quoted-printable (RFC 2045): lines of at most 76 characters, soft breaks.
std::string quoted_printable(std::string_view text);

}  // namespace civic::campaign
