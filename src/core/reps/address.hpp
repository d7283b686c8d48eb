#pragma once
// US postal addresses on one line: split into street, city, state and ZIP
// (an office in the data, a supporter's address for the Census), and the
// "ST 12345" that ends one. The one place civic reads an address's parts.

#include <optional>
#include <string>
#include <string_view>

#include "core/reps/model.hpp"

namespace civic::reps {

struct PostalAddress {
  std::string street;
  std::string city;
  std::string state;
  std::string zip;
};

// Recognises a trailing "ST 12345[-6789]" (the state may be followed by a
// dot or a comma); the city is what follows the last comma before it (or
// "Washington" for DC). Parts it cannot tell stay empty and the street
// keeps the rest. Linear in the line's length.
PostalAddress split_address(std::string_view line);

// "WA", "WA 98101" or "WA 98101-1234": a state's two letters and maybe a ZIP.
bool is_state_and_zip(std::string_view text);
// "98101" or "98101-1234".
bool is_zip_code(std::string_view text);
// The five digits of the ZIP code that ends `address` ("..., WA 98101-1234"), after a non-digit.
std::optional<std::string> trailing_zip(std::string_view address);

// "street, city, ST 12345", leaving out the parts that are empty.
std::string format_address(const PostalAddress& address);

// Fills the office's address fields from a one-line address; the line is
// normalised ("..., City, ST 12345") when its parts were recognised.
void assign_address(Office& office, std::string_view line);

}  // namespace civic::reps
