#pragma once
// Splitting a one-line US postal address into street, city, state and ZIP,
// where the data gives only the one line.

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

// Recognises a trailing "ST 12345[-6789]"; the city is what follows the last
// comma before it (or "Washington" for DC). Parts it cannot tell stay empty
// and the street keeps the rest.
PostalAddress split_address(std::string_view line);

// "street, city, ST 12345", leaving out the parts that are empty.
std::string format_address(const PostalAddress& address);

// Fills the office's address fields from a one-line address; the line is
// normalised ("..., City, ST 12345") when its parts were recognised.
void assign_address(Office& office, std::string_view line);

}  // namespace civic::reps
