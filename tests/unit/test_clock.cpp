#include <doctest/doctest.h>

#include "core/clock.hpp"
#include "core/local_time.hpp"

using namespace civic;

TEST_CASE("ISO dates parse, format and subtract") {
  const auto d = parse_date("2026-06-15");
  REQUIRE(d);
  CHECK(format_date(*d) == "2026-06-15");
  CHECK(days_between(*d, *parse_date("2026-11-28")) == 166);
  CHECK(days_between(*parse_date("2026-11-28"), *d) == -166);
  CHECK_FALSE(parse_date("2026-02-30"));
  CHECK_FALSE(parse_date("15/06/2026"));
  CHECK_FALSE(parse_date(""));
}

TEST_CASE("UTC timestamps round-trip") {
  const auto at = parse_utc_timestamp("2026-11-28T12:34:56Z");
  REQUIRE(at);
  CHECK(format_utc_timestamp(*at) == "2026-11-28T12:34:56Z");
  CHECK(format_date(utc_date(*at)) == "2026-11-28");
  CHECK(parse_utc_timestamp("2026-11-28") == std::chrono::sys_days{*parse_date("2026-11-28")});
  CHECK_FALSE(parse_utc_timestamp("2026-11-28T12"));
}

TEST_CASE("dates outside 1900 to 2200 are refused, never wrapped around the clock's range") {
  CHECK_FALSE(parse_date("0026-11-20"));
  CHECK_FALSE(parse_date("1899-12-31"));
  CHECK(parse_date("1900-01-01"));
  CHECK(parse_date("2200-12-31"));
  CHECK_FALSE(parse_date("2201-01-01"));
  CHECK_FALSE(parse_utc_timestamp("8026-11-01T15:00:00Z"));
  CHECK_FALSE(parse_local_datetime("3000-01-01 10:00"));
  const auto today = *parse_date("2026-11-28");
  CHECK_FALSE(parse_day("+99999999d", today));
  CHECK_FALSE(parse_day("+2147483647d", today));
  CHECK(parse_day("+7d", today) == parse_date("2026-12-05"));
  CHECK(accepted_dates() == "from 1900-01-01 to 2200-12-31");
}
