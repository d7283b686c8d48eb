#include "core/reps/address.hpp"

#include <regex>

#include "core/util/text.hpp"

namespace civic::reps {

PostalAddress split_address(std::string_view line) {
  static const std::regex k_tail(R"(^(.*?)[,\s]+([A-Za-z]{2})\.?,?\s+(\d{5}(?:-\d{4})?)\s*$)");
  PostalAddress out;
  const std::string text(text::trim(line));
  std::smatch match;
  if (!std::regex_match(text, match, k_tail)) {
    out.street = text;
    return out;
  }
  out.state = text::upper(match[2].str());
  out.zip = match[3].str();
  std::string head(text::trim(match[1].str()));
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
