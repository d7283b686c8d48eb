#include "core/letters/recipient.hpp"

#include <algorithm>
#include <array>

#include "core/reps/states.hpp"
#include "core/util/text.hpp"

namespace civic::letters {
namespace {

// Office kinds in the order each choice prefers them. "-mail" addresses are
// the ones an office gives for post; "home" addresses are never used.
constexpr std::array<std::string_view, 3> k_district_kinds = {"district-mail", "district", "primary"};
constexpr std::array<std::string_view, 3> k_capitol_kinds = {"capitol-mail", "capitol", "primary"};

// A letter needs a street and a ZIP code to be delivered; some offices in
// the data give only a town.
bool has_zip(std::string_view text) {
  int run = 0;
  for (const char c : text) {
    run = (c >= '0' && c <= '9') ? run + 1 : 0;
    if (run == 5) {
      return true;
    }
  }
  return false;
}

bool mailable(const reps::Office& office) {
  if (!office.street.empty() || !office.city.empty()) {
    return !office.street.empty() && !office.zip.empty();
  }
  return office.address.find(',') != std::string::npos && has_zip(office.address);
}

enum class Completeness { mailable, any };

bool usable(const reps::Office& office, Completeness need) {
  return !office.address.empty() && (need == Completeness::any || mailable(office));
}

template <std::size_t N>
const reps::Office* first_of(const reps::Official& official, const std::array<std::string_view, N>& kinds,
                             Completeness need) {
  for (const auto kind : kinds) {
    for (const auto& office : official.offices) {
      if (office.kind == kind && usable(office, need)) {
        return &office;
      }
    }
  }
  return nullptr;
}

bool is_suffix(const std::string& word) {
  static const std::array<std::string_view, 7> k_suffixes = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"};
  const auto lower = text::lower(word);
  return std::find(k_suffixes.begin(), k_suffixes.end(), lower) != k_suffixes.end();
}

std::string last_name_of(const reps::Official& official) {
  if (!official.family_name.empty()) {
    return official.family_name;
  }
  auto words = text::split(official.name, ' ');
  while (words.size() > 1 && (words.back().empty() || is_suffix(words.back()))) {
    words.pop_back();
  }
  auto last = words.empty() ? official.name : words.back();
  if (!last.empty() && last.back() == ',') {
    last.pop_back();
  }
  return last;
}

std::string body_of(const reps::Role& role) {
  const auto* state = reps::find_state(role.state);
  switch (role.chamber) {
    case reps::Chamber::senate: return "United States Senate";
    case reps::Chamber::house: return "United States House of Representatives";
    case reps::Chamber::executive:
      return role.title + " of " + (state == nullptr ? role.state
                                    : state->kind == reps::Jurisdiction::district
                                        ? "the " + std::string(state->name)
                                        : std::string(state->name));
    case reps::Chamber::upper:
    case reps::Chamber::lower: return reps::chamber_name(role);
  }
  return reps::chamber_name(role);
}

std::vector<std::string> office_lines(const reps::Office& office) {
  if (office.street.empty() || office.city.empty()) {
    return address_lines(office.address);
  }
  auto lines = address_lines(office.street + ";");
  lines.push_back(office.city + ", " + office.state + (office.zip.empty() ? "" : " " + office.zip));
  return lines;
}

}  // namespace

std::optional<OfficeChoice> parse_office_choice(std::string_view text) {
  if (text == "district") {
    return OfficeChoice::district;
  }
  if (text == "capitol") {
    return OfficeChoice::capitol;
  }
  return std::nullopt;
}

OfficePick pick_office(const reps::Official& official, OfficeChoice choice, std::optional<std::size_t> nearest) {
  const bool district_first = choice == OfficeChoice::district;
  const auto& preferred = district_first ? k_district_kinds : k_capitol_kinds;
  const auto& other = district_first ? k_capitol_kinds : k_district_kinds;
  const std::string other_name = district_first ? "the capitol office" : "a district office";
  const std::string wanted = district_first ? "district office" : "capitol office";
  if (district_first && nearest && *nearest < official.offices.size()) {
    const auto& office = official.offices[*nearest];
    if (office.kind.rfind("district", 0) == 0 && usable(office, Completeness::mailable)) {
      return {&office, ""};
    }
  }
  if (const auto* office = first_of(official, preferred, Completeness::mailable)) {
    return {office, ""};
  }
  const bool any_preferred = first_of(official, preferred, Completeness::any) != nullptr;
  if (const auto* office = first_of(official, other, Completeness::mailable)) {
    return {office, (any_preferred ? "no full " + wanted + " address on record (street and ZIP code)"
                                   : "no " + wanted + " on record") +
                        "; writing to " + other_name};
  }
  const auto* office = first_of(official, preferred, Completeness::any);
  if (office == nullptr) {
    office = first_of(official, other, Completeness::any);
  }
  return {office, office ? "the address on record lacks a street or ZIP code; complete it before you mail" : ""};
}

std::string salutation(const std::string& title, const std::string& last_name) {
  return "Dear " + title + " " + last_name + ":";
}

Recipient make_recipient(const reps::Official& official, const reps::Role& role, const reps::Office* office) {
  Recipient r;
  r.official_id = official.id;
  r.name = official.name;
  r.formal_name = "The Honorable " + official.name;
  r.title = role.title;
  r.last_name = last_name_of(official);
  r.salutation = salutation(r.title, r.last_name);
  r.office_label = reps::office_label(role);
  r.body = body_of(role);
  const auto* state = reps::find_state(role.state);
  r.state_name = state ? std::string(state->name) : role.state;
  r.district = role.district;
  r.level = role.level;
  r.email = official.email;
  for (const auto& link : official.links) {
    if (link.kind == "contact_form" && r.contact_form.empty()) {
      r.contact_form = link.url;
    } else if (link.kind == "website" && r.website.empty()) {
      r.website = link.url;
    }
  }
  if (office != nullptr) {
    r.address_lines = office_lines(*office);
    r.office_kind = office->kind.rfind("district", 0) == 0 ? "district" : "capitol";
    r.office_name = office->name;
    r.phone = office->phone;
  }
  for (const auto& other : official.offices) {
    if (r.phone.empty() && other.kind != "home") {
      r.phone = other.phone;  // a number to call, even when the letter goes elsewhere
    }
  }
  return r;
}

}  // namespace civic::letters
