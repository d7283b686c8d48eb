#pragma once
// Time as the rest of civic sees it: an injectable clock and the few
// calendar helpers the data needs (ISO dates, whole days between them).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace civic {

using TimePoint = std::chrono::system_clock::time_point;
using Date = std::chrono::year_month_day;

class Clock {
public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
public:
  TimePoint now() const override { return std::chrono::system_clock::now(); }
};

class FixedClock final : public Clock {
public:
  explicit FixedClock(TimePoint at) : m_at(at) {}
  TimePoint now() const override { return m_at; }
  void set(TimePoint at) { m_at = at; }

private:
  TimePoint m_at;
};

// The years civic reads: a time point holds about 1678 to 2261, and a date
// far from today is a typo. Every date parsed is in this range.
inline constexpr int k_first_year = 1900;
inline constexpr int k_last_year = 2200;
// "from 1900-01-01 to 2200-12-31", for messages.
std::string accepted_dates();

// "2026-06-15" (a date) or "2026-06-15T12:00:00Z" (UTC); nullopt when
// malformed or outside the accepted years.
std::optional<Date> parse_date(std::string_view text);
// Whether `date` is inside the accepted years.
bool date_in_range(Date date);
std::optional<TimePoint> parse_utc_timestamp(std::string_view text);

std::string format_date(Date date);
std::string format_utc_timestamp(TimePoint at);  // 2026-06-15T12:00:00Z
Date utc_date(TimePoint at);
// The calendar date where the user is (the process time zone, TZ): what a
// letter is dated.
Date local_date(TimePoint at);
// "November 28, 2026", as a US letter writes the date.
std::string long_date(Date date);

// Whole days from `from` to `to` (negative when `to` is earlier).
int days_between(Date from, Date to);

}  // namespace civic
