#include "core/bills/bill_id.hpp"

#include <array>
#include <charconv>

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

// A bill or law number is a few characters; anything longer is refused
// before it is read.
constexpr std::size_t k_longest = 200;
constexpr int k_last_congress = 200;

// Reads text from the front: literal words, runs of digits or letters.
class Scanner {
public:
  explicit Scanner(std::string_view text) : m_rest(text) {}
  bool word(std::string_view w) {
    if (m_rest.substr(0, w.size()) != w) {
      return false;
    }
    m_rest.remove_prefix(w.size());
    return true;
  }
  // The digits at the front (none: "").
  std::string_view digits() { return take([](char c) { return c >= '0' && c <= '9'; }); }
  std::string_view letters() { return take([](char c) { return c >= 'a' && c <= 'z'; }); }
  std::string_view rest() const { return m_rest; }
  bool done() const { return m_rest.empty(); }

private:
  template <class Is>
  std::string_view take(Is is) {
    std::size_t n = 0;
    while (n < m_rest.size() && is(m_rest[n])) {
      ++n;
    }
    const auto taken = m_rest.substr(0, n);
    m_rest.remove_prefix(n);
    return taken;
  }
  std::string_view m_rest;
};

std::optional<BillType> type_of_code(std::string_view code) {
  for (const auto& t : k_types) {
    if (code == t.code) {
      return t.type;
    }
  }
  return std::nullopt;
}

std::optional<BillType> type_of_url(std::string_view path) {
  for (const auto& t : k_types) {
    if (path == t.url) {
      return t.type;
    }
  }
  return std::nullopt;
}

std::optional<BillId> make_id(std::optional<int> congress, std::optional<BillType> type, std::optional<int> number) {
  if (!congress || !type || !number || *congress > k_last_congress) {
    return std::nullopt;
  }
  return BillId{*congress, *type, *number};
}

// https://www.congress.gov/bill/119th-congress/house-bill/1144[/anything]
std::optional<BillId> parse_url(std::string_view text) {
  Scanner in(text);
  if (!(in.word("https://") || in.word("http://"))) {
    return std::nullopt;
  }
  in.word("www.");
  if (!in.word("congress.gov/bill/")) {
    return std::nullopt;
  }
  const auto congress = to_number(in.digits());
  if (!(in.word("st") || in.word("nd") || in.word("rd") || in.word("th")) || !in.word("-congress/")) {
    return std::nullopt;
  }
  const auto slash = in.rest().find('/');
  if (slash == std::string_view::npos) {
    return std::nullopt;
  }
  const auto type = type_of_url(in.rest().substr(0, slash));
  Scanner tail(in.rest().substr(slash + 1));
  const auto number = to_number(tail.digits());
  return make_id(congress, type, number);
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
  text = text::trim(text);
  if (text.size() > k_longest) {
    return std::nullopt;
  }
  if (text::starts_with_ci(text, "http")) {
    return parse_url(text);
  }
  // letters, an optional "-", digits, then an optional "-" and the congress
  const auto squeezed = squeeze(text);
  Scanner in(squeezed);
  const auto type = type_of_code(in.letters());
  in.word("-");
  const auto number = to_number(in.digits());
  std::optional<int> congress = default_congress;
  if (in.word("-")) {
    congress = to_number(in.digits());
  }
  return in.done() ? make_id(congress, type, number) : std::nullopt;
}

std::optional<LawId> parse_law_id(std::string_view text) {
  text = text::trim(text);
  if (text.size() > k_longest) {
    return std::nullopt;
  }
  // pl | publiclaw | publ, an optional "no", then congress-number
  const auto squeezed = squeeze(text);
  Scanner in(squeezed);
  if (!(in.word("publiclaw") || in.word("publ") || in.word("pl"))) {
    return std::nullopt;
  }
  in.word("no");
  const auto congress = to_number(in.digits());
  if (!in.word("-")) {
    return std::nullopt;
  }
  const auto number = to_number(in.digits());
  if (!in.done() || !congress || !number) {
    return std::nullopt;
  }
  return LawId{*congress, *number};
}

}  // namespace civic::bills
