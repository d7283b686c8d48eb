#include <doctest/doctest.h>

#include "core/error.hpp"
#include "core/util/csv.hpp"

using namespace civic;

TEST_CASE("records carry the line they start on, across quoted line breaks") {
  const std::string data = "id,name\r\n1,\"Smith, Jane\"\n2,\"two\nlines\"\n3,\"say \"\"hi\"\"\"\n";
  const auto table = csv::Table::parse(data, "people.csv");
  REQUIRE(table.rows().size() == 3);
  CHECK(table.header() == std::vector<std::string>{"id", "name"});
  CHECK(table.rows()[0].line == 2);
  CHECK(table.rows()[0].fields[1] == "Smith, Jane");
  CHECK(table.rows()[1].line == 3);
  CHECK(table.rows()[1].fields[1] == "two\nlines");
  CHECK(table.rows()[2].line == 5);
  CHECK(table.rows()[2].fields[1] == "say \"hi\"");
}

TEST_CASE("a byte-order mark and a missing final newline are fine") {
  const auto table = csv::Table::parse("\xEF\xBB\xBFid,zip\n7,98101", "x.csv");
  CHECK(table.require_column("id") == 0);
  REQUIRE(table.rows().size() == 1);
  CHECK(csv::Table::field(table.rows()[0], 1) == "98101");
  CHECK(csv::Table::field(table.rows()[0], 9).empty());
}

TEST_CASE("malformed quoting names the file and line") {
  try {
    csv::Table::parse("id,name\n1,ok\n2,\"bad\"x\n", "supporters.csv");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("supporters.csv:3") != std::string::npos);
  }
}

TEST_CASE("a missing column is an error that suggests the nearest one") {
  const auto table = csv::Table::parse("id,full_nmae\n", "s.csv");
  try {
    table.require_column("full_name");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) == "s.csv:1: missing column 'full_name'");
    CHECK(e.hint_text() == "did you mean 'full_nmae'?");
  }
}

TEST_CASE("writing quotes only what needs it") {
  CHECK(csv::quote("plain") == "plain");
  CHECK(csv::quote("a,b") == "\"a,b\"");
  CHECK(csv::quote("say \"x\"") == "\"say \"\"x\"\"\"");
  CHECK(csv::format_row({"1", "two\nlines", ""}) == "1,\"two\nlines\",\n");
  const auto back = csv::Table::parse("a,b,c\n" + csv::format_row({"1", "x, \"y\"", "z\nw"}), "t.csv");
  CHECK(back.rows()[0].fields == std::vector<std::string>{"1", "x, \"y\"", "z\nw"});
}
