#include <doctest/doctest.h>

#include "cli/output.hpp"

using namespace civic::cli;

namespace {
Table sample() {
  Table table;
  table.columns = {{"name", "NAME"}, {"party", "PARTY"}, {"note", "NOTE"}};
  table.rows = {{"José Velázquez", "D", ""}, {Cell("(vacant)", Style::warn), "", "x,y"}};
  return table;
}
}  // namespace

TEST_CASE("tables align by display width and drop trailing spaces") {
  CHECK(render_table(sample(), Palette{}) ==
        "NAME            PARTY  NOTE\n"
        "José Velázquez  D\n"
        "(vacant)               x,y\n");
}

TEST_CASE("colour only when the palette is enabled") {
  const auto plain = render_table(sample(), Palette{false});
  CHECK(plain.find('\033') == std::string::npos);
  const auto coloured = render_table(sample(), Palette{true});
  CHECK(coloured.find("\033[1mNAME\033[0m") != std::string::npos);
  CHECK(coloured.find("\033[33m(vacant)\033[0m") != std::string::npos);
}

TEST_CASE("CSV uses the column keys and quotes; JSON uses keys and null for empty") {
  CHECK(render_csv(sample()) == "name,party,note\nJosé Velázquez,D,\n(vacant),,\"x,y\"\n");
  const auto json = table_to_json(sample());
  CHECK(json[0]["name"] == "José Velázquez");
  CHECK(json[0]["note"].is_null());
  CHECK(json[1]["note"] == "x,y");
}
