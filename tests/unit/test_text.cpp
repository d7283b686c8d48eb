#include <doctest/doctest.h>

#include "core/util/text.hpp"

using namespace civic;

TEST_CASE("edit distance and close matches suggest typo fixes") {
  CHECK(text::edit_distance("reps", "reps") == 0);
  CHECK(text::edit_distance("repz", "reps") == 1);
  CHECK(text::edit_distance("", "abc") == 3);
  CHECK(text::closest_match("repz", {"reps", "data", "official"}) == "reps");
  CHECK(text::closest_match("output.fromat", {"output.format", "output.color"}) == "output.format");
  CHECK_FALSE(text::closest_match("no-such-command", {"reps", "data", "official"}).has_value());
}

TEST_CASE("natural order puts 2 before 10 and 9A before 10") {
  CHECK(text::natural_less("2", "10"));
  CHECK_FALSE(text::natural_less("10", "2"));
  CHECK(text::natural_less("9A", "10"));
  CHECK(text::natural_less("8A", "8B"));
  CHECK(text::natural_less("Addison-1", "Addison-10"));
  CHECK_FALSE(text::natural_less("7", "7"));
  CHECK(text::natural_less("007", "8"));
}

TEST_CASE("split, join, trim, case") {
  CHECK(text::split("a,b,,c", ',') == std::vector<std::string>{"a", "b", "", "c"});
  CHECK(text::join({"a", "b"}, ", ") == "a, b");
  CHECK(text::trim("  x y \n") == "x y");
  CHECK(text::upper("wa") == "WA");
  CHECK(text::starts_with_ci("HTTP://x", "http://"));
}

TEST_CASE("display width counts code points, not bytes") {
  CHECK(text::display_width("José") == 4);
  CHECK(text::display_width("Velázquez") == 9);
}
