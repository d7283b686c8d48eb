// Listings from one column schema: the table, CSV and JSON each show their
// view of the same columns; keys, headers and values are defined once.
#include <doctest/doctest.h>

#include "cli/present_contact.hpp"
#include "cli/schema.hpp"
#include "core/journal/exchange.hpp"

using namespace civic;
using namespace civic::cli;

namespace {

struct Person {
  std::string name;
  int age = 0;
  std::string town;
};

const Schema<Person>& people() {
  static const Schema<Person> schema{
      {
          {"name", "NAME", [](const Person& p) { return Cell(p.name, Style::bold); },
           json_text<Person>([](const Person& p) { return p.name; })},
          {"age", "AGE", [](const Person& p) { return Cell(std::to_string(p.age)); },
           json_value<Person>([](const Person& p) { return p.age; }), {},
           [](std::string& out, const Person& p) { out += std::to_string(p.age); }},
          {"home", "TOWN", [](const Person& p) { return Cell(p.town); }, nullptr, "town"},
          {"extra", "", [](const Person&) { return Cell(); },
           [](JsonWriter& json, const Person& p) { json.field("initial", p.name.substr(0, 1)); }, "-"},
      },
      {"name", "home"},
      {"name", "age", "home"},
      {"home", "name", "age", "extra"},
  };
  return schema;
}

}  // namespace

TEST_CASE("the table, CSV and JSON of a schema each show their view, with the column's key and value") {
  const std::vector<Person> rows = {{"Ann", 41, "Kent"}, {"Bo", 7, ""}};
  const auto human = table_of(people(), rows, TableKind::human);
  REQUIRE(human.columns.size() == 2);
  CHECK(human.columns[1].header == "TOWN");
  CHECK(human.rows[0][0].style == Style::bold);
  CHECK(render_csv(table_of(people(), rows, TableKind::csv)) == "name,age,town\nAnn,41,Kent\nBo,7,\n");
  std::string json_text_out;
  JsonWriter json(json_text_out);
  write_array(json, people(), rows);
  // Empty text is null unless the column says how it is written; "-" adds fields of its own.
  CHECK(json_text_out.find("\"town\": null") != std::string::npos);
  CHECK(json_text_out.find("\"age\": 41") != std::string::npos);
  CHECK(json_text_out.find("\"initial\": \"A\"") != std::string::npos);
  CHECK(json_text_out.find("\"town\": \"Kent\",\n    \"name\": \"Ann\"") != std::string::npos);  // the JSON view's order
}

TEST_CASE("a streamed CSV line is the same text as the table's cells, whether a column appends it or not") {
  const Person p{"Ann, Jr.", 41, "Kent"};
  const auto& schema = people();
  std::string line;
  append_csv_line(line, columns_of(schema, schema.csv_view()), p);
  CHECK(line == render_csv(table_of(schema, std::vector<Person>{p}, TableKind::csv)).substr(14));
  CHECK(line == "\"Ann, Jr.\",41,Kent\n");
}

TEST_CASE("a view that names no column of the schema is a bug, said at once") {
  const Schema<Person> broken{people().columns, {"name", "nmae"}};
  CHECK_THROWS_AS(table_of(broken, std::vector<Person>{}, TableKind::human), std::logic_error);
}

TEST_CASE("the journal's CSV listing has the exchange format's fields, between the id and deleted_at") {
  std::vector<std::string_view> expected = {"id"};
  for (const auto field : journal::exchange_fields()) {
    expected.push_back(field);
  }
  expected.emplace_back("deleted_at");
  CHECK(contact_csv_columns() == expected);
}
