#pragma once
// The U.S. Department of Labor's List of Goods Produced by Child Labor or
// Forced Labor (the TVPRA list): one row per good and country.

#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Database.h>

namespace civic::goods {

struct LaborGood {
  std::string good;  // "Cocoa"
  std::string sector;
  std::string country;
  std::string region;
  bool child_labor = false;
  bool forced_labor = false;
  bool forced_child_labor = false;
  // Made with an input (such as cobalt) produced with child or forced
  // labor in this country; "" when not listed for that reason.
  std::string tainted_input_country;
  std::string source;
};

std::vector<LaborGood> read_goods(SQLite::Database& db);

struct GoodMatch {
  const LaborGood* row = nullptr;
  double score = 0;     // 1 for the same name; less for a near one
  std::string matched;  // what the product was read as, when not itself ("chocolate" as "cocoa")
};

// The rows whose good matches `product`: the same words in any order,
// singular or plural, accents or not, a typo or two, or a common product
// word mapped to the list's name. Best matches first. `country`, when
// given, keeps one country's rows.
std::vector<GoodMatch> match_goods(const std::vector<LaborGood>& goods, std::string_view product,
                                   std::string_view country);

// Whether the list's `country` is the one the user wrote ("congo" for
// "Congo, Democratic Republic of the").
bool country_matches(std::string_view country, std::string_view query);

// The list's countries; for checking --country.
std::vector<std::string> countries(const std::vector<LaborGood>& goods);

// Lower case, accents folded, punctuation to spaces, plurals to singular:
// "Açaí Berries" → "acai berry".
std::vector<std::string> normalize_words(std::string_view text);

}  // namespace civic::goods
