#include "core/local_time.hpp"

#include <ctime>

#include <fmt/format.h>

#include "core/util/text.hpp"

namespace civic {
namespace {

std::tm local_tm(TimePoint at) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
  std::tm local{};
  localtime_r(&seconds, &local);
  return local;
}

}  // namespace

std::optional<TimePoint> parse_local_datetime(std::string_view text) {
  if (!text.empty() && text.back() == 'Z') {
    return parse_utc_timestamp(text);
  }
  const auto date = parse_date(text.substr(0, 10));
  if (!date || (text.size() != 10 && text.size() != 16 && text.size() != 19)) {
    return std::nullopt;
  }
  int hour = 12;
  int minute = 0;
  int second = 0;
  if (text.size() > 10) {
    const bool separator = text[10] == 'T' || text[10] == ' ';
    const auto h = text::read_int(text, 11, 2);
    const auto m = text::read_int(text, 14, 2);
    const auto s = text.size() == 19 ? text::read_int(text, 17, 2) : std::optional<int>(0);
    if (!separator || !h || text[13] != ':' || !m || (text.size() == 19 && text[16] != ':') || !s || *h > 23 ||
        *m > 59 || *s > 60) {
      return std::nullopt;
    }
    hour = *h;
    minute = *m;
    second = *s;
  }
  std::tm local{};
  local.tm_year = static_cast<int>(date->year()) - 1900;
  local.tm_mon = static_cast<int>(static_cast<unsigned>(date->month())) - 1;
  local.tm_mday = static_cast<int>(static_cast<unsigned>(date->day()));
  local.tm_hour = hour;
  local.tm_min = minute;
  local.tm_sec = second;
  local.tm_isdst = -1;  // let the zone rules say
  const std::time_t seconds = std::mktime(&local);
  if (seconds == static_cast<std::time_t>(-1)) {
    return std::nullopt;
  }
  return std::chrono::system_clock::from_time_t(seconds);
}

std::string format_local_datetime(TimePoint at) {
  const auto local = local_tm(at);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday,
                     local.tm_hour, local.tm_min);
}

std::optional<Date> parse_day(std::string_view text, Date today) {
  if (text == "today") {
    return today;
  }
  if (text == "tomorrow") {
    return Date{std::chrono::sys_days{today} + std::chrono::days{1}};
  }
  if (text.size() >= 3 && text.front() == '+' && text.back() == 'd') {
    const auto days = text::read_int(text, 1, text.size() - 2);
    // Far enough for any follow-up; beyond it the date is a typo.
    constexpr int k_longest_wait = 100 * 366;
    if (!days || *days > k_longest_wait) {
      return std::nullopt;
    }
    const Date day{std::chrono::sys_days{today} + std::chrono::days{*days}};
    return date_in_range(day) ? std::optional(day) : std::nullopt;
  }
  return text.size() == 10 ? parse_date(text) : std::nullopt;
}

std::string local_utc_offset(TimePoint at) {
  const auto local = local_tm(at);
  const long offset = local.tm_gmtoff / 60;
  return fmt::format("{}{:02}:{:02}", offset < 0 ? '-' : '+', std::abs(offset) / 60, std::abs(offset) % 60);
}

}  // namespace civic
