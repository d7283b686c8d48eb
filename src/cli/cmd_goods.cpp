// civic goods check PRODUCT [--country C]
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/runtime.hpp"
#include "core/goods/goods.hpp"
#include "core/util/text.hpp"

namespace civic::cli {
namespace {

constexpr const char* k_edition =
    "U.S. Department of Labor, List of Goods Produced by Child Labor or Forced Labor, 2022 edition (the open data "
    "file of 2023-08; the 2024 edition, 204 goods from 82 countries, is not in open data yet)";

struct Options {
  std::vector<std::string> product;
  std::optional<std::string> country;
};

std::string mark(bool flag) { return flag ? "yes" : ""; }

Table matches_table(const std::vector<goods::GoodMatch>& matches) {
  Table table;
  table.columns = {{"good", "GOOD"},
                   {"country", "COUNTRY"},
                   {"child_labor", "CHILD LABOR"},
                   {"forced_labor", "FORCED LABOR"},
                   {"forced_child_labor", "FORCED CHILD LABOR"},
                   {"tainted_input_country", "TAINTED INPUTS FROM"}};
  for (const auto& m : matches) {
    table.rows.push_back({m.row->good, m.row->country, Cell(mark(m.row->child_labor), Style::warn),
                          Cell(mark(m.row->forced_labor), Style::warn), Cell(mark(m.row->forced_child_labor), Style::bad),
                          m.row->tainted_input_country});
  }
  return table;
}

void write_matches(JsonWriter& json, const std::vector<goods::GoodMatch>& matches) {
  json.begin_array();
  for (const auto& m : matches) {
    json.begin_object()
        .field("good", m.row->good)
        .field("sector", m.row->sector)
        .field("country", m.row->country)
        .field("region", m.row->region)
        .field("child_labor", m.row->child_labor)
        .field("forced_labor", m.row->forced_labor)
        .field("forced_child_labor", m.row->forced_child_labor)
        .field_or_null("tainted_input_country", m.row->tainted_input_country)
        .field_or_null("matched_as", m.matched)
        .field("score", m.score)
        .field("source", m.row->source)
        .end_object();
  }
  json.end_array();
}

void check_country(const std::vector<goods::LaborGood>& goods, const std::string& country) {
  for (const auto& row : goods) {
    if (goods::country_matches(row.country, country)) {
      return;
    }
  }
  const auto names = goods::countries(goods);
  const auto near = text::closest_match(country, names);
  throw usage_error("no good from '" + country + "' is on the list")
      .hint(near ? "did you mean " + *near + "?" : "the list names " + std::to_string(names.size()) + " countries");
}

int run(const Options& o, Runtime& rt) {
  const auto product = text::join(o.product, " ");
  const auto goods = goods::read_goods(rt.reference());
  if (goods.empty()) {
    throw Error("the reference data holds no list of goods").hint("run 'civic data update'");
  }
  if (o.country) {
    check_country(goods, *o.country);
  }
  const auto matches = goods::match_goods(goods, product, o.country.value_or(""));
  rt.note(std::string("from the ") + k_edition);
  if (!matches.empty() && !matches.front().matched.empty()) {
    rt.note("read '" + product + "' as '" + matches.front().matched + "'");
  }
  if (matches.empty()) {
    rt.note(fmt::format("'{}' is not on the list{}. Not being listed does not mean a product is free of child or "
                        "forced labor: the list covers only the goods and countries the Department has evidence for",
                        product, o.country ? " for " + *o.country : ""));
  }
  rt.output().emit(Listing{[&matches] { return matches_table(matches); }, nullptr,
                           [&matches](JsonWriter& json) { write_matches(json, matches); }});
  return to_int(ExitCode::ok);
}

}  // namespace

Action setup_goods(CLI::App& command) {
  command.require_subcommand(1);
  auto o = std::make_shared<Options>();
  auto* check = command.add_subcommand("check", "is a product on the list, and from which countries");
  check->add_option("product", o->product, "a product, such as cocoa, cotton or cobalt")->required();
  check->add_option("--country", o->country, "only this country");
  check->fallthrough();
  return [o](Runtime& rt) { return run(*o, rt); };
}

}  // namespace civic::cli
