#include "core/clock.hpp"

#include <ctime>

#include <fmt/format.h>

#include "core/util/text.hpp"

namespace civic {
using text::read_int;

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  const auto y = read_int(text, 0, 4);
  const auto m = read_int(text, 5, 2);
  const auto d = read_int(text, 8, 2);
  if (!y || !m || !d) {
    return std::nullopt;
  }
  const Date date{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*m)},
                  std::chrono::day{static_cast<unsigned>(*d)}};
  if (!date.ok() || !date_in_range(date)) {
    return std::nullopt;
  }
  return date;
}

bool date_in_range(Date date) {
  const int year = static_cast<int>(date.year());
  return date.ok() && year >= k_first_year && year <= k_last_year;
}

std::string accepted_dates() {
  return fmt::format("from {}-01-01 to {}-12-31", k_first_year, k_last_year);
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
  if (text.size() < 19 || (text[10] != 'T' && text[10] != ' ')) {
    return std::nullopt;
  }
  const auto h = read_int(text, 11, 2);
  const auto mi = read_int(text, 14, 2);
  const auto s = read_int(text, 17, 2);
  if (!h || !mi || !s) {
    return std::nullopt;
  }
  return at + std::chrono::hours{*h} + std::chrono::minutes{*mi} + std::chrono::seconds{*s};
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
