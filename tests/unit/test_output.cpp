#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

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
  const auto json = render_json([](civic::JsonWriter& out) { write_table_json(out, sample()); });
  CHECK(json ==
        "[\n  {\n    \"name\": \"José Velázquez\",\n    \"party\": \"D\",\n    \"note\": null\n  },\n"
        "  {\n    \"name\": \"(vacant)\",\n    \"party\": null,\n    \"note\": \"x,y\"\n  }\n]\n");
}

TEST_CASE("the JSON writer escapes, nests, and writes empty containers inline") {
  std::string out;
  civic::JsonWriter json(out);
  json.begin_object()
      .field("text", "quote \" backslash \\ newline \n tab \t bell \a")
      .field("n", 42)
      .field("x", -122.338)
      .field("ok", true)
      .field_or_null("none", "");
  json.key("empty").begin_array().end_array();
  json.key("obj").begin_object().end_object();
  json.key("list").begin_array().value("a").begin_object().field("k", 1).end_object().end_array();
  json.end_object();
  CHECK(out ==
        "{\n  \"text\": \"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007\",\n  \"n\": 42,\n"
        "  \"x\": -122.338,\n  \"ok\": true,\n  \"none\": null,\n  \"empty\": [],\n  \"obj\": {},\n"
        "  \"list\": [\n    \"a\",\n    {\n      \"k\": 1\n    }\n  ]\n}");
  // It parses as JSON with the same values.
  const auto parsed = nlohmann::json::parse(out);
  CHECK(parsed["text"] == "quote \" backslash \\ newline \n tab \t bell \a");
  CHECK(parsed["list"][1]["k"] == 1);
}
