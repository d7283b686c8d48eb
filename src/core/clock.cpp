#include "core/clock.hpp"

#include <charconv>
#include <ctime>

#include <fmt/format.h>

namespace civic {
namespace {

bool read_int(std::string_view text, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > text.size()) {
    return false;
  }
  const char* first = text.data() + pos;
  const char* last = first + len;
  auto [ptr, ec] = std::from_chars(first, last, out);
  return ec == std::errc() && ptr == last;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  int y = 0;
  int m = 0;
  int d = 0;
  if (text.size() < 10 || text[4] != '-' || text[7] != '-' || !read_int(text, 0, 4, y) ||
      !read_int(text, 5, 2, m) || !read_int(text, 8, 2, d)) {
    return std::nullopt;
  }
  const Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                  std::chrono::day{static_cast<unsigned>(d)}};
  if (!date.ok()) {
    return std::nullopt;
  }
  return date;
}

std::optional<TimePoint> parse_utc_timestamp(std::string_view text) {
  const auto date = parse_date(text);
  if (!date) {
    return std::nullopt;
  }
  TimePoint at = std::chrono::sys_days{*date};
  if (text.size() == 10) {
    return at;
  }
  int h = 0;
  int mi = 0;
  int s = 0;
  if (text.size() < 19 || (text[10] != 'T' && text[10] != ' ') || !read_int(text, 11, 2, h) ||
      !read_int(text, 14, 2, mi) || !read_int(text, 17, 2, s)) {
    return std::nullopt;
  }
  return at + std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{s};
}

std::string format_date(Date date) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

Date utc_date(TimePoint at) { return Date{std::chrono::floor<std::chrono::days>(at)}; }

Date local_date(TimePoint at) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
  std::tm local{};
  localtime_r(&seconds, &local);
  return Date{std::chrono::year{local.tm_year + 1900}, std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
              std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
}

std::string long_date(Date date) {
  static constexpr const char* k_months[] = {"January", "February", "March",     "April",   "May",      "June",
                                             "July",    "August",   "September", "October", "November", "December"};
  return fmt::format("{} {}, {}", k_months[static_cast<unsigned>(date.month()) - 1],
                     static_cast<unsigned>(date.day()), static_cast<int>(date.year()));
}

std::string format_utc_timestamp(TimePoint at) {
  const auto day = std::chrono::floor<std::chrono::days>(at);
  const std::chrono::hh_mm_ss time{std::chrono::floor<std::chrono::seconds>(at - day)};
  return fmt::format("{}T{:02}:{:02}:{:02}Z", format_date(Date{day}), time.hours().count(),
                     time.minutes().count(), time.seconds().count());
}

int days_between(Date from, Date to) {
  return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

}  // namespace civic
