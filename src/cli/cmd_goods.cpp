// civic goods check PRODUCT [--country C]
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/runtime.hpp"
#include "cli/schema.hpp"
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

const Schema<goods::GoodMatch>& match_schema() {
  using M = goods::GoodMatch;
  const auto flag = [](bool goods::LaborGood::*finding, Style style) {
    return [finding, style](const M& m) { return Cell(mark(m.row->*finding), style); };
  };
  const auto found = [](bool goods::LaborGood::*finding) {
    return json_value<M>([finding](const M& m) { return m.row->*finding; });
  };
  const auto text = [](std::string goods::LaborGood::*member) {
    return [member](const M& m) { return Cell(m.row->*member); };
  };
  const auto always = [](std::string goods::LaborGood::*member) {
    return json_text<M>([member](const M& m) { return m.row->*member; });
  };
  static const Schema<M> schema{
      {
          {"good", "GOOD", text(&goods::LaborGood::good), always(&goods::LaborGood::good)},
          {"sector", "", text(&goods::LaborGood::sector), always(&goods::LaborGood::sector)},
          {"country", "COUNTRY", text(&goods::LaborGood::country), always(&goods::LaborGood::country)},
          {"region", "", text(&goods::LaborGood::region), always(&goods::LaborGood::region)},
          {"child_labor", "CHILD LABOR", flag(&goods::LaborGood::child_labor, Style::warn),
           found(&goods::LaborGood::child_labor)},
          {"forced_labor", "FORCED LABOR", flag(&goods::LaborGood::forced_labor, Style::warn),
           found(&goods::LaborGood::forced_labor)},
          {"forced_child_labor", "FORCED CHILD LABOR", flag(&goods::LaborGood::forced_child_labor, Style::bad),
           found(&goods::LaborGood::forced_child_labor)},
          {"tainted_input_country", "TAINTED INPUTS FROM", text(&goods::LaborGood::tainted_input_country)},
          {"matched_as", "", [](const M& m) { return Cell(m.matched); }},
          {"score", "", [](const M&) { return Cell(); }, json_value<M>([](const M& m) { return m.score; })},
          {"source", "", text(&goods::LaborGood::source), always(&goods::LaborGood::source)},
      },
      {"good", "country", "child_labor", "forced_labor", "forced_child_labor", "tainted_input_country"},
      {},
      {"good", "sector", "country", "region", "child_labor", "forced_labor", "forced_child_labor",
       "tainted_input_country", "matched_as", "score", "source"},
  };
  return schema;
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
  rt.output().emit(listing_of(match_schema(), matches));
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
