#include "core/letters/eml.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/util/stable_id.hpp"
#include "core/util/text.hpp"

namespace civic::letters {
namespace {

constexpr std::size_t k_qp_line = 76;

bool ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// RFC 2047 "Q" encoding for a header word that is not plain ASCII.
std::string header_text(std::string_view text) {
  if (ascii(text)) {
    return std::string(text);
  }
  std::string out = "=?UTF-8?Q?";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 && byte < 0x80) {
      out += c;
    } else if (c == ' ') {
      out += '_';
    } else {
      out += fmt::format("={:02X}", byte);
    }
  }
  return out + "?=";
}

// "Mon, 30 Nov 2026 12:00:00 +0000", at noon UTC of the letter's date.
std::string rfc5322_date(std::string_view iso) {
  static constexpr const char* k_days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* k_months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto date = *parse_date(iso);
  const std::chrono::weekday weekday{std::chrono::sys_days{date}};
  return fmt::format("{}, {} {} {} 12:00:00 +0000", k_days[weekday.c_encoding()], static_cast<unsigned>(date.day()),
                     k_months[static_cast<unsigned>(date.month()) - 1], static_cast<int>(date.year()));
}

std::string address(const std::string& name, const std::string& email) {
  return email.empty() ? header_text(name) : header_text(name) + " <" + email + ">";
}

}  // namespace

std::string quoted_printable(std::string_view text) {
  std::string out;
  std::size_t width = 0;
  auto put = [&](const std::string& piece) {
    if (width + piece.size() > k_qp_line - 1) {  // room for the soft break's "="
      out += "=\r\n";
      width = 0;
    }
    out += piece;
    width += piece.size();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (text[i] == '\n') {
      out += "\r\n";
      width = 0;
      continue;
    }
    const bool line_end_space = (byte == ' ' || byte == '\t') && (i + 1 == text.size() || text[i + 1] == '\n');
    const bool plain = byte >= 33 && byte <= 126 && byte != '=';
    put(plain || ((byte == ' ' || byte == '\t') && !line_end_space) ? std::string(1, text[i])
                                                                    : fmt::format("={:02X}", byte));
  }
  return out;
}

std::string to_eml(const LetterDocument& doc, std::string_view date, std::string_view sender_id) {
  const bool has_email = doc.to.find('@') != std::string::npos && doc.to.find(' ') == std::string::npos;
  std::string out;
  out += "Date: " + rfc5322_date(date) + "\r\n";
  out += "From: " + address(doc.sender_name, doc.sender_email) + "\r\n";
  if (has_email) {
    out += "To: " + address(doc.official_name, doc.to) + "\r\n";
  }
  out += "Subject: " + header_text(doc.subject) + "\r\n";
  out += "Message-ID: <" + stable_id(std::string(sender_id) + "|" + doc.file_stem) + "@civic.invalid>\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: quoted-printable\r\n";
  if (!has_email) {
    out += "X-Civic-Note: " + header_text(doc.to) + "\r\n";  // where to send it instead
  }
  out += "\r\n" + quoted_printable(doc.body + "\n");
  return out;
}

}  // namespace civic::letters
