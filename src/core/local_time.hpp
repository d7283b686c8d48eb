#pragma once
// Times as the user reads and types them: in the process time zone (TZ).
// The journal stores UTC; these convert at the edges.

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace civic {

// "2026-11-20" (local noon, so the day stays the same in every nearby time
// zone), "2026-11-20 14:30", "2026-11-20T14:30:05" (local), or
// a UTC timestamp ending in Z. Nullopt when malformed.
std::optional<TimePoint> parse_local_datetime(std::string_view text);

// "2026-11-20 14:30", in the local time zone.
std::string format_local_datetime(TimePoint at);

// A calendar date given as "2026-12-01", "+7d" (days from `today`) or
// "today"/"tomorrow". Nullopt when malformed.
std::optional<Date> parse_day(std::string_view text, Date today);

// The local UTC offset at `at`, as "-05:00".
std::string local_utc_offset(TimePoint at);

}  // namespace civic
