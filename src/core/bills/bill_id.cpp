#include "core/bills/bill_id.hpp"

#include <array>
#include <charconv>
#include <regex>

#include "core/util/text.hpp"

namespace civic::bills {
namespace {

struct TypeInfo {
  BillType type;
  std::string_view code;     // hr
  std::string_view display;  // H.R.
  std::string_view url;      // house-bill
};

// Longest codes first, so "hres" is not read as "hr" + "es".
constexpr std::array<TypeInfo, 8> k_types = {{
    {BillType::hconres, "hconres", "H.Con.Res.", "house-concurrent-resolution"},
    {BillType::sconres, "sconres", "S.Con.Res.", "senate-concurrent-resolution"},
    {BillType::hjres, "hjres", "H.J.Res.", "house-joint-resolution"},
    {BillType::sjres, "sjres", "S.J.Res.", "senate-joint-resolution"},
    {BillType::hres, "hres", "H.Res.", "house-resolution"},
    {BillType::sres, "sres", "S.Res.", "senate-resolution"},
    {BillType::hr, "hr", "H.R.", "house-bill"},
    {BillType::s, "s", "S.", "senate-bill"},
}};

const TypeInfo& info(BillType type) {
  for (const auto& t : k_types) {
    if (t.type == type) {
      return t;
    }
  }
  return k_types.back();
}

std::optional<int> to_number(std::string_view digits) {
  int value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc{} || end != digits.data() + digits.size() || value <= 0) {
    return std::nullopt;
  }
  return value;
}

// "H.R. 1144" → "hr1144": lower case, without dots, spaces and dashes
// between the letters and the number.
std::string squeeze(std::string_view text) {
  std::string out;
  for (char c : text::lower(text::trim(text))) {
    if (c != '.' && c != ' ' && c != '\t' && c != '_') {
      out += c;
    }
  }
  return out;
}

std::optional<BillId> parse_url(const std::string& text) {
  static const std::regex k_url(R"(^https?://(?:www\.)?congress\.gov/bill/(\d+)(?:st|nd|rd|th)-congress/([a-z-]+)/(\d+).*$)");
  std::smatch m;
  if (!std::regex_match(text, m, k_url)) {
    return std::nullopt;
  }
  for (const auto& t : k_types) {
    if (m[2].str() == t.url) {
      const auto congress = to_number(m[1].str());
      const auto number = to_number(m[3].str());
      if (congress && number) {
        return BillId{*congress, t.type, *number};
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::string_view type_code(BillType type) { return info(type).code; }

std::string BillId::canonical() const {
  return std::string(type_code(type)) + std::to_string(number) + "-" + std::to_string(congress);
}

std::string BillId::display() const { return std::string(info(type).display) + " " + std::to_string(number); }

std::string BillId::url() const {
  return "https://www.congress.gov/bill/" + ordinal(congress) + "-congress/" + std::string(info(type).url) + "/" +
         std::to_string(number);
}

std::string LawId::display() const { return "P.L. " + std::to_string(congress) + "-" + std::to_string(number); }

int congress_on(Date date) {
  int year = static_cast<int>(date.year());
  const bool before_start = (year % 2 == 1) && date.month() == std::chrono::January && date.day() < std::chrono::day{3};
  if (before_start) {
    --year;
  }
  return (year - 1789) / 2 + 1;
}

std::string ordinal(int n) {
  const int tens = n % 100;
  const char* suffix = "th";
  if (tens < 11 || tens > 13) {
    suffix = n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
  }
  return std::to_string(n) + suffix;
}

std::optional<BillId> parse_bill_id(std::string_view text, int default_congress) {
  if (text::starts_with_ci(text::trim(text), "http")) {
    return parse_url(std::string(text::trim(text)));
  }
  const auto squeezed = squeeze(text);
  static const std::regex k_bill(R"(^([a-z]+)-?(\d+)(?:-(\d+))?$)");
  std::smatch m;
  if (!std::regex_match(squeezed, m, k_bill)) {
    return std::nullopt;
  }
  for (const auto& t : k_types) {
    if (m[1].str() != t.code) {
      continue;
    }
    const auto number = to_number(m[2].str());
    const auto congress = m[3].matched ? to_number(m[3].str()) : std::optional<int>(default_congress);
    if (!number || !congress || *congress > 200) {
      return std::nullopt;
    }
    return BillId{*congress, t.type, *number};
  }
  return std::nullopt;
}

std::optional<LawId> parse_law_id(std::string_view text) {
  static const std::regex k_law(R"(^(?:pl|publiclaw|publ)(?:no)?(\d+)-(\d+)$)");
  const auto squeezed = squeeze(text);
  std::smatch m;
  if (!std::regex_match(squeezed, m, k_law)) {
    return std::nullopt;
  }
  const auto congress = to_number(m[1].str());
  const auto number = to_number(m[2].str());
  if (!congress || !number) {
    return std::nullopt;
  }
  return LawId{*congress, *number};
}

}  // namespace civic::bills
