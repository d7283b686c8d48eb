#include "core/letters/letter.hpp"

#include "core/reps/address.hpp"
#include "core/util/text.hpp"

namespace civic::letters {

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
  if (parts.size() < 3 || !reps::is_state_and_zip(parts.back())) {
    return {text::join(parts, ", ")};
  }
  const auto city_line = parts[parts.size() - 2] + ", " + parts.back();
  parts.resize(parts.size() - 2);
  return {text::join(parts, ", "), city_line};
}

}  // namespace civic::letters
