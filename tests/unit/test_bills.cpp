// Bill numbers and the shipped catalog.
#include <doctest/doctest.h>

#include <set>

#include "core/bills/catalog.hpp"
#include "core/error.hpp"
#include "support/test_env.hpp"

using namespace civic;
using namespace civic::bills;

namespace {

Date date(const char* text) { return *parse_date(text); }

std::string canonical(std::string_view text, int congress = 119) {
  const auto id = parse_bill_id(text, congress);
  return id ? id->canonical() : "(none)";
}

templates::SourceFile bill_file(const std::string& name, const std::string& text) {
  return {"bills/" + name, text, "my/bills/" + name, false};
}

const char* k_minimal = R"toml(id = "hr1-119"
title = "A Test Act"
sponsor = "Rep. Somebody (D-WA)"
introduced = "2025-01-03"
themes = ["training"]
summary = "Does a thing."
talking_points = ["One.", "Two."]

[status]
stage = "introduced"
text = "Introduced"
as_of = "2026-08-01"
)toml";

}  // namespace

TEST_CASE("bill numbers are read in every common spelling") {
  CHECK(canonical("hr1144-119") == "hr1144-119");
  CHECK(canonical("H.R. 1144") == "hr1144-119");
  CHECK(canonical("HR1144") == "hr1144-119");
  CHECK(canonical("hr1144") == "hr1144-119");
  CHECK(canonical("h.r.1144") == "hr1144-119");
  CHECK(canonical("  H.R.   1144 ") == "hr1144-119");
  CHECK(canonical("S. 1829") == "s1829-119");
  CHECK(canonical("s1829-118") == "s1829-118");
  CHECK(canonical("H.J.Res. 7") == "hjres7-119");
  CHECK(canonical("S.Con.Res. 3", 118) == "sconres3-118");
  CHECK(canonical("H.Res. 12") == "hres12-119");
  CHECK(canonical("https://www.congress.gov/bill/119th-congress/house-bill/1144/text") == "hr1144-119");
  CHECK(canonical("https://congress.gov/bill/117th-congress/senate-bill/3946") == "s3946-117");
  // Not bill numbers.
  CHECK(canonical("") == "(none)");
  CHECK(canonical("hr") == "(none)");
  CHECK(canonical("hr0") == "(none)");
  CHECK(canonical("xy1144") == "(none)");
  CHECK(canonical("hr1144-999") == "(none)");
  CHECK(canonical("https://www.congress.gov/bill/119th-congress/house-thing/1") == "(none)");
}

TEST_CASE("a bill shows as people write it and links to congress.gov") {
  const BillId hr{119, BillType::hr, 1144};
  CHECK(hr.display() == "H.R. 1144");
  CHECK(hr.url() == "https://www.congress.gov/bill/119th-congress/house-bill/1144");
  CHECK(BillId{117, BillType::sjres, 5}.display() == "S.J.Res. 5");
  CHECK(BillId{121, BillType::s, 5}.url() == "https://www.congress.gov/bill/121st-congress/senate-bill/5");
  CHECK(ordinal(102) == "102nd");
  CHECK(ordinal(113) == "113th");
  CHECK(ordinal(123) == "123rd");
}

TEST_CASE("public laws are read and shown") {
  CHECK(parse_law_id("P.L. 119-73") == LawId{119, 73});
  CHECK(parse_law_id("PL119-73") == LawId{119, 73});
  CHECK(parse_law_id("Public Law 117-347") == LawId{117, 347});
  CHECK_FALSE(parse_law_id("hr1144").has_value());
  CHECK(LawId{119, 12}.display() == "P.L. 119-12");
}

TEST_CASE("the current Congress changes on January 3 of odd years") {
  CHECK(congress_on(date("2026-11-28")) == 119);
  CHECK(congress_on(date("2025-01-03")) == 119);
  CHECK(congress_on(date("2025-01-02")) == 118);
  CHECK(congress_on(date("2027-01-03")) == 120);
  CHECK(congress_on(date("2000-06-01")) == 106);
}

TEST_CASE("the shipped catalog covers the pending bills and the laws letters refer to") {
  const auto catalog = load_catalog({});
  CHECK(catalog.bills().size() >= 15);
  for (const char* id : {"hr1144-119", "s1829-119", "s1748-119", "hr7757-119", "hr1503-119", "hr1724-119",
                         "hr4307-119", "s2241-119", "hr1185-119", "s539-119"}) {
    const auto* bill = catalog.find(*parse_bill_id(id, 0));
    REQUIRE_MESSAGE(bill != nullptr, id);
    CHECK_MESSAGE(bill->pending(), id);
  }
  for (const char* law : {"P.L. 119-73", "P.L. 119-12", "P.L. 118-59", "P.L. 117-347", "P.L. 117-348",
                          "P.L. 117-78"}) {
    const auto* bill = catalog.find_law(*parse_law_id(law));
    REQUIRE_MESSAGE(bill != nullptr, law);
    CHECK(bill->enacted());
  }
  std::set<Theme> themes;
  for (const auto& bill : catalog.bills()) {
    CHECK(bill.talking_points.size() >= 2);
    CHECK(bill.talking_points.size() <= 4);
    CHECK_FALSE(bill.summary.empty());
    themes.insert(bill.themes.begin(), bill.themes.end());
  }
  CHECK(themes.size() == all_themes().size());  // every theme has a bill
  // Companions point both ways.
  CHECK(catalog.find(*parse_bill_id("hr4307-119", 0))->companion == parse_bill_id("s2241-119", 0));
  CHECK(catalog.find(*parse_bill_id("s2241-119", 0))->companion == parse_bill_id("hr4307-119", 0));
}

TEST_CASE("facts the research rated low-confidence are never shown as certain") {
  const auto catalog = load_catalog({});
  const auto& tvpra = catalog.require("hr1144", 119);
  CHECK(tvpra.is_uncertain("status"));
  CHECK(tvpra.status_line().ends_with("(unconfirmed)"));
  const auto& uflpa = catalog.require("P.L. 117-78", 119);
  CHECK(uflpa.is_uncertain("introduced"));
  CHECK(uflpa.introduced == "2021-12");
  CHECK(catalog.require("hr4323", 119).status_line() == "Signed into law as P.L. 119-73 (2026-01-23)");
}

TEST_CASE("a bill number from another Congress suggests the catalog's") {
  const auto catalog = load_catalog({});
  CHECK_THROWS_WITH_AS(catalog.require("S. 474", 119), doctest::Contains("S. 474 of the 119th Congress"), Error);
  try {
    catalog.require("S. 474", 119);
  } catch (const Error& e) {
    CHECK(e.hint_text().find("s474-118") != std::string::npos);
    CHECK(e.code() == ExitCode::usage);
  }
  CHECK(catalog.require("s474-118", 119).name() == "REPORT Act");
}

TEST_CASE("a user's bill file adds a bill or replaces the shipped one") {
  test::TempDir dir;
  test::write_text(dir / "bills/hr1-119.toml", k_minimal);
  std::string replaced = k_minimal;
  replaced.replace(replaced.find("hr1-119"), 7, "hr1144-119");
  test::write_text(dir / "bills/hr1144-119.toml", replaced);
  const auto catalog = load_catalog(dir.path());
  CHECK(catalog.find(BillId{119, BillType::hr, 1})->title == "A Test Act");
  CHECK(catalog.find(BillId{119, BillType::hr, 1144})->title == "A Test Act");
  CHECK(catalog.find(BillId{119, BillType::hr, 1144})->source == (dir / "bills/hr1144-119.toml").string());
}

TEST_CASE("a malformed bill file names the file, line, column and key") {
  const auto load = [](const std::string& text) { Catalog::load({bill_file("hr1-119.toml", text)}); };
  std::string bad_theme = k_minimal;
  bad_theme.replace(bad_theme.find("\"training\""), 10, "\"trainng\"");
  CHECK_THROWS_WITH_AS(load(bad_theme), doctest::Contains("my/bills/hr1-119.toml:5:"), Error);
  CHECK_THROWS_WITH_AS(load(bad_theme), doctest::Contains("did you mean 'training'?"), Error);

  std::string unknown_key = k_minimal;
  unknown_key.insert(0, "sponser = \"x\"\n");
  CHECK_THROWS_WITH_AS(load(unknown_key), doctest::Contains("1:1: unknown key 'sponser'; did you mean 'sponsor'?"),
                       Error);
  std::string one_point = k_minimal;
  one_point.replace(one_point.find("[\"One.\", \"Two.\"]"), 16, "[\"One.\"]");
  CHECK_THROWS_WITH_AS(load(one_point), doctest::Contains("2 to 4 talking points"), Error);
  std::string law_without_stage = k_minimal;
  law_without_stage += "law = \"P.L. 119-1\"\n";
  CHECK_THROWS_WITH_AS(load(law_without_stage), doctest::Contains("an enacted bill names its public law"), Error);
  std::string bad_date = k_minimal;
  bad_date.replace(bad_date.find("2025-01-03"), 10, "2025-13-03");
  CHECK_THROWS_WITH_AS(load(bad_date), doctest::Contains(":4:"), Error);
  CHECK_THROWS_WITH_AS(load("id = \"hr1-119\"\ntitle = ["), doctest::Contains("my/bills/hr1-119.toml:2:"), Error);
  CHECK_THROWS_WITH_AS(Catalog::load({bill_file("hr2-119.toml", k_minimal)}),
                       doctest::Contains("holds hr1-119 but is not named hr1-119.toml"), Error);
}

TEST_CASE("a bill or law number of any length is read without recursion; past 200 characters it is none") {
  const std::string digits(30000, '1');
  CHECK_FALSE(bills::parse_bill_id("hr" + digits, 119));
  CHECK_FALSE(bills::parse_bill_id("https://www.congress.gov/bill/119th-congress/house-bill/" + digits, 119));
  CHECK_FALSE(bills::parse_law_id("P.L. 119-" + digits));
  CHECK(bills::parse_bill_id(std::string(250, ' ') + "hr1144", 119));  // trimmed first
  // The URL's congress is held to the same limit as a written one: what track keeps, untrack reads.
  CHECK_FALSE(bills::parse_bill_id("https://www.congress.gov/bill/524th-congress/house-bill/1", 119));
  CHECK_FALSE(bills::parse_bill_id("hr1-524", 119));
  CHECK(bills::parse_bill_id("https://www.congress.gov/bill/119th-congress/house-bill/1144/text", 119) ==
        bills::BillId{119, bills::BillType::hr, 1144});
}
