#include "core/reps/address.hpp"

#include <algorithm>
#include <optional>

#include "core/util/text.hpp"

namespace civic::reps {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool digits(std::string_view text) { return std::all_of(text.begin(), text.end(), is_digit); }

// "12345" or "12345-6789".
bool is_zip(std::string_view text) {
  return (text.size() == 5 && digits(text)) ||
         (text.size() == 10 && text[5] == '-' && digits(text.substr(0, 5)) && digits(text.substr(6)));
}

// The ZIP code that ends `text`, after at least one space; nullopt when none.
std::optional<std::size_t> zip_start(std::string_view text) {
  for (const std::size_t size : {std::size_t{10}, std::size_t{5}}) {
    if (text.size() > size && is_zip(text.substr(text.size() - size)) && is_space(text[text.size() - size - 1])) {
      return text.size() - size;
    }
  }
  return std::nullopt;
}

std::size_t strip_back(std::string_view text, std::size_t end, bool (*strip)(char)) {
  while (end > 0 && strip(text[end - 1])) {
    --end;
  }
  return end;
}

}  // namespace

PostalAddress split_address(std::string_view line) {
  PostalAddress out;
  const std::string text(text::trim(line));
  // From the end: ZIP, spaces, [","] ["."], two letters, then commas or spaces.
  const auto zip = zip_start(text);
  std::size_t end = zip ? strip_back(text, *zip, is_space) : 0;
  if (end > 0 && text[end - 1] == ',') {
    --end;
  }
  if (end > 0 && text[end - 1] == '.') {
    --end;
  }
  const bool state = end >= 3 && is_letter(text[end - 1]) && is_letter(text[end - 2]);
  const auto head_end =
      state ? strip_back(text, end - 2, [](char c) { return c == ',' || is_space(c); }) : std::string::npos;
  if (!zip || !state || head_end == end - 2) {
    out.street = text;
    return out;
  }
  out.state = text::upper(text.substr(end - 2, 2));
  out.zip = text.substr(*zip);
  std::string head(text::trim(text.substr(0, head_end)));
  const std::string washington = "washington";
  if (out.state == "DC" && text::lower(head).size() >= washington.size() &&
      text::lower(head).substr(head.size() - washington.size()) == washington) {
    out.city = head.substr(head.size() - washington.size());
    head = head.substr(0, head.size() - washington.size());
  } else if (const auto comma = head.find_last_of(",;"); comma != std::string::npos) {
    out.city = std::string(text::trim(head.substr(comma + 1)));
    head = head.substr(0, comma);
  }
  // Trim separators left between street and city.
  while (!head.empty() && (head.back() == ',' || head.back() == ';' || head.back() == ' ')) {
    head.pop_back();
  }
  out.street = head;
  return out;
}

bool is_state_and_zip(std::string_view text) {
  if (text.size() < 2 || !is_letter(text[0]) || !is_letter(text[1])) {
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
  return is_zip(zip.substr(start));
}

bool is_zip_code(std::string_view text) { return is_zip(text); }

std::optional<std::string> trailing_zip(std::string_view address) {
  std::size_t end = address.size();
  while (end > 0 && is_space(address[end - 1])) {
    --end;
  }
  const auto text = address.substr(0, end);
  for (const std::size_t size : {std::size_t{10}, std::size_t{5}}) {
    if (text.size() < size || !is_zip(text.substr(text.size() - size))) {
      continue;
    }
    const auto start = text.size() - size;
    if (start == 0 || !is_digit(text[start - 1])) {
      return std::string(text.substr(start, 5));
    }
  }
  return std::nullopt;
}

std::string format_address(const PostalAddress& address) {
  std::string out = address.street;
  const auto append = [&](const std::string& part, const char* separator) {
    if (!part.empty()) {
      out += out.empty() ? part : separator + part;
    }
  };
  append(address.city, ", ");
  append(address.state, ", ");
  append(address.zip, " ");
  return out;
}

void assign_address(Office& office, std::string_view line) {
  const auto parts = split_address(line);
  office.street = parts.street;
  office.city = parts.city;
  office.state = parts.state;
  office.zip = parts.zip;
  office.address = parts.zip.empty() ? std::string(text::trim(line)) : format_address(parts);
}

}  // namespace civic::reps
