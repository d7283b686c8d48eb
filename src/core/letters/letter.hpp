#pragma once
// What a letter is made of: the bill, the stance, the channel, who it goes
// to (with the office chosen), who it is from, the writer's own story and
// the date. Templates turn it into text; formats lay the text out.

#include <optional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/bills/catalog.hpp"
#include "core/clock.hpp"
#include "core/reps/model.hpp"
#include "core/vocabulary.hpp"

namespace civic::letters {

// Some Senate web forms cap a message at 500 characters and count a
// newline as two.
constexpr std::size_t k_form_limit = 500;
std::size_t form_length(std::string_view message);

struct Sender {
  std::string name;
  std::vector<std::string> address_lines;  // street lines, then "City, ST 12345"
  std::string email;
  std::string phone;
  bool operator==(const Sender&) const = default;
};

// "123 Main St, Apt 4, Seattle, WA 98101" → {"123 Main St, Apt 4",
// "Seattle, WA 98101"}; newlines or ";" split lines as written.
std::vector<std::string> address_lines(std::string_view address);

struct Recipient {
  std::string official_id;
  std::string name;            // "Maria Cantwell"
  std::string formal_name;     // "The Honorable Maria Cantwell"
  std::string title;           // Senator, Representative, Delegate, Assemblymember, Governor, ...
  std::string last_name;
  std::string salutation;      // "Dear Senator Cantwell:"
  std::string office_label;    // "U.S. Senator", "State Representative"
  std::string body;            // "United States Senate", "California State Assembly", "Governor of Washington"
  std::string state_name;
  std::string district;        // as the data writes it; "" for statewide seats
  reps::Level level = reps::Level::federal;
  std::vector<std::string> address_lines;  // the chosen office, as the envelope shows it
  std::string office_kind;                 // district | capitol
  std::string office_name;
  std::string phone;
  std::string email;
  std::string contact_form;
  std::string website;
};

struct LetterInput {
  const bills::Bill* bill = nullptr;
  Stance stance = Stance::support;
  Channel channel = Channel::letter;
  Recipient recipient;
  Sender sender;
  std::string story;
  Date date;
  std::map<std::string, std::string> supporter_fields;  // a campaign's own columns, by field
};

}  // namespace civic::letters
