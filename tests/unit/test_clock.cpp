#include <doctest/doctest.h>

#include "core/clock.hpp"

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
