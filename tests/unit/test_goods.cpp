// Matching product names against the Labor Department's list of goods.
#include <doctest/doctest.h>

#include "core/goods/goods.hpp"

using namespace civic::goods;

namespace {

LaborGood row(const std::string& good, const std::string& country) {
  LaborGood g;
  g.good = good;
  g.country = country;
  return g;
}

const std::vector<LaborGood>& list() {
  static const std::vector<LaborGood> goods = {
      row("Cocoa", "Ghana"),          row("Coca (stimulant plant)", "Peru"),
      row("Coffee", "Colombia"),      row("A\xcc\x81" "rbol Widgets", "Examplestan"),
      row("Açaí Berries", "Brazil"),  row("Lithium-Ion Batteries", "China"),
      row("Gold", "Congo, Democratic Republic of the"), row("Garments", "India"),
      row("Shrimp", "Thailand"),      row("Crude Palm Oil", "Indonesia"),
  };
  return goods;
}

std::vector<std::string> goods_for(std::string_view product, std::string_view country = "") {
  std::vector<std::string> names;
  for (const auto& m : match_goods(list(), product, country)) {
    names.push_back(m.row->good + "/" + m.row->country);
  }
  return names;
}

}  // namespace

TEST_CASE("names are compared without case, accents, punctuation or plurals") {
  CHECK(normalize_words("Açaí Berries") == std::vector<std::string>{"acai", "berry"});
  CHECK(normalize_words("A\xcc\x81rbol Widgets") == std::vector<std::string>{"arbol", "widget"});  // combining accent
  CHECK(normalize_words("Lithium-Ion Batteries") == std::vector<std::string>{"lithium", "ion", "battery"});
  CHECK(normalize_words("Tomatoes, Potatoes & Peaches") == std::vector<std::string>{"tomato", "potato", "peach"});
  CHECK(normalize_words("Cotton") == std::vector<std::string>{"cotton"});
}

TEST_CASE("a product matches by name, plural, typo, prefix or a common word for it") {
  CHECK(goods_for("cocoa") == std::vector<std::string>{"Cocoa/Ghana"});
  CHECK(goods_for("COFFEE") == std::vector<std::string>{"Coffee/Colombia"});
  CHECK(goods_for("cofee") == std::vector<std::string>{"Coffee/Colombia"});
  CHECK(goods_for("acai") == std::vector<std::string>{"Açaí Berries/Brazil"});
  CHECK(goods_for("arbol widget") == std::vector<std::string>{"A\xcc\x81rbol Widgets/Examplestan"});
  CHECK(goods_for("shrimps") == std::vector<std::string>{"Shrimp/Thailand"});
  CHECK(goods_for("palm oil") == std::vector<std::string>{"Crude Palm Oil/Indonesia"});
  CHECK(goods_for("batteries") == std::vector<std::string>{"Lithium-Ion Batteries/China"});
  const auto chocolate = match_goods(list(), "chocolate", "");
  REQUIRE(chocolate.size() == 1);  // cocoa, and not the near miss "coca"
  CHECK(chocolate.front().row->good == "Cocoa");
  CHECK(chocolate.front().matched == "cocoa");
  CHECK(goods_for("clothes") == std::vector<std::string>{"Garments/India"});
  CHECK(goods_for("widgets and gadgets").empty());
  CHECK(goods_for("tea").empty());
  CHECK(goods_for("").empty());
}

TEST_CASE("a country narrows the rows, by any of its words") {
  CHECK(goods_for("gold", "congo") == std::vector<std::string>{"Gold/Congo, Democratic Republic of the"});
  CHECK(goods_for("gold", "kongo") == std::vector<std::string>{"Gold/Congo, Democratic Republic of the"});
  CHECK(goods_for("gold", "India").empty());
  CHECK(country_matches("Côte d'Ivoire", "cote d'ivoire"));
  CHECK_FALSE(country_matches("India", "Indonesia"));
}
