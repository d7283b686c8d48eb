// The Labor Department's list of goods (TVPRA list), from the XML data
// file of its "Sweat & Toil" app: Goods/Good/Countries/Country.
#include "core/data/import.hpp"
#include "core/data/xml.hpp"

namespace civic::data {
namespace {

constexpr const char* k_file = "goods_2021.xml";

bool yes(const XmlElement& country, std::string_view field) { return country.child_text(field) == "Yes"; }

}  // namespace

GoodsImport import_goods(DatasetFiles& files, const ImportContext& context) {
  const auto source = files.source_of(k_file);
  const auto root = parse_xml(files.read(k_file), source);
  GoodsImport result;
  std::vector<Problem> problems;
  for (const auto& good : root.children) {
    const auto name = good.child_text("Good_Name");
    const auto* countries = good.find("Countries");
    if (good.name != "Good" || name.empty() || countries == nullptr) {
      problems.push_back({source + ":" + std::to_string(good.line), "a <Good> needs <Good_Name> and <Countries>"});
      continue;
    }
    for (const auto& country : countries->children) {
      goods::LaborGood row;
      row.good = name;
      row.sector = good.child_text("Good_Sector");
      row.country = country.child_text("Country_Name");
      row.region = country.child_text("Country_Region");
      row.child_labor = yes(country, "Child_Labor");
      row.forced_labor = yes(country, "Forced_Labor");
      row.forced_child_labor = yes(country, "Forced_Child_Labor");
      const auto derived_country = country.child_text("Derived_Country");
      if (yes(country, "Derived_Labor_Exploitation")) {
        row.tainted_input_country = derived_country;
      }
      row.source = source;
      if (row.country.empty()) {
        problems.push_back({source + ":" + std::to_string(country.line), "a <Country> without <Country_Name>"});
        continue;
      }
      result.rows.push_back(std::move(row));
    }
  }
  const auto count = result.rows.size();
  return finish_import(files, context, problems, std::move(result), count);
}

}  // namespace civic::data
