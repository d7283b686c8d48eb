#include "core/letters/letter.hpp"

#include <algorithm>

#include "core/util/text.hpp"

namespace civic::letters {
namespace {

bool digits(std::string_view text, std::size_t count) {
  return text.size() == count &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool ascii_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// "WA", "WA 98101" or "WA 98101-1234" (std::regex took longer than the
// rest of reading a supporter list).
bool state_and_zip(std::string_view text) {
  if (text.size() < 2 || !ascii_letter(text[0]) || !ascii_letter(text[1])) {
    return false;
  }
  auto zip = text.substr(2);
  if (zip.empty()) {
    return true;
  }
  const auto start = zip.find_first_not_of(' ');
  if (start == 0 || start == std::string_view::npos) {
    return false;
  }
  zip.remove_prefix(start);
  return digits(zip, 5) ||
         (zip.size() == 10 && zip[5] == '-' && digits(zip.substr(0, 5), 5) && digits(zip.substr(6), 4));
}

}  // namespace

std::size_t form_length(std::string_view message) {
  std::size_t length = 0;
  for (const char c : message) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      length += c == '\n' ? 2 : 1;
    }
  }
  return length;
}

std::vector<std::string> address_lines(std::string_view address) {
  const char separator = address.find('\n') != std::string_view::npos  ? '\n'
                         : address.find(';') != std::string_view::npos ? ';'
                                                                       : ',';
  std::vector<std::string> parts;
  for (const auto& part : text::split(address, separator)) {
    if (!text::trim(part).empty()) {
      parts.emplace_back(text::trim(part));
    }
  }
  if (separator != ',' || parts.empty()) {
    return parts;
  }
  // "123 Main St, Apt 4, Seattle, WA 98101": the street parts on one line,
  // then "City, ST ZIP".
  if (parts.size() < 3 || !state_and_zip(parts.back())) {
    return {text::join(parts, ", ")};
  }
  const auto city_line = parts[parts.size() - 2] + ", " + parts.back();
  parts.resize(parts.size() - 2);
  return {text::join(parts, ", "), city_line};
}

}  // namespace civic::letters
