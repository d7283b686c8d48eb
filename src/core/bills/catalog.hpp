#pragma once
// The bill catalog: the anti-trafficking bills civic writes letters about,
// one TOML file per bill under templates/bills/ (compiled in), plus the
// user's own files in <templates_dir>/bills/, which add bills or replace
// shipped ones with the same id.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/bills/bill_id.hpp"
#include "core/clock.hpp"
#include "core/templates/sources.hpp"

namespace civic::bills {

enum class Theme { awareness, policy, supply_chains, survivor_support, demand, training, online_exploitation };

// Where a bill stands. `ended` is a bill that died with its Congress.
enum class Stage { introduced, committee, reported, passed_house, passed_senate, enacted, ended };

std::string_view to_string(Theme theme);  // "supply-chains"
std::string_view describe(Theme theme);   // "supply chains"
std::optional<Theme> parse_theme(std::string_view text);
const std::vector<Theme>& all_themes();
std::string_view to_string(Stage stage);  // "passed-house"
std::optional<Stage> parse_stage(std::string_view text);

struct BillStatus {
  Stage stage = Stage::introduced;
  std::string text;         // the latest known action, in words
  std::string date;         // of that action, when known (YYYY-MM-DD)
  Date as_of;               // when the status was last checked
  std::optional<LawId> law;  // once enacted
};

struct Bill {
  BillId id;
  std::string title;        // the official short title
  std::string short_title;  // what people call it ("Frederick Douglass TVPRA of 2025")
  std::string sponsor;      // "Rep. Christopher H. Smith (R-NJ)"
  std::string introduced;   // YYYY-MM-DD, or YYYY-MM when only the month is known
  BillStatus status;
  std::vector<Theme> themes;
  std::string summary;
  std::vector<std::string> talking_points;
  std::optional<BillId> companion;
  std::vector<BillId> related;
  // Facts the research rated low-confidence: "sponsor", "introduced",
  // "status", "companion". Shown as unconfirmed, never as certain.
  std::set<std::string> uncertain;
  std::string source;  // "bills/hr1144-119.toml" or the user's file

  // What people call it: the short title when there is one.
  const std::string& name() const { return short_title.empty() ? title : short_title; }
  bool enacted() const { return status.stage == Stage::enacted; }
  bool pending() const { return status.stage != Stage::enacted && status.stage != Stage::ended; }
  bool is_uncertain(std::string_view fact) const { return uncertain.count(std::string(fact)) > 0; }
  // "Signed into law as P.L. 119-73 (2026-01-23)"; "(unconfirmed)" when
  // the research could not confirm it.
  std::string status_line() const;
};

class Catalog {
public:
  // Reads each file; throws a usage Error naming the file, line and key of
  // the first bad entry.
  static Catalog load(const std::vector<templates::SourceFile>& files);

  const std::vector<Bill>& bills() const { return m_bills; }
  const Bill* find(const BillId& id) const;
  const Bill* find_law(const LawId& law) const;
  // A bill by any spelling of its number or public law; throws a usage
  // Error that suggests the nearest catalog entry when there is none.
  const Bill& require(std::string_view text, int default_congress) const;

private:
  std::vector<Bill> m_bills;  // ordered by congress (newest first), then type and number
};

// The shipped catalog and the user's bills from `templates_dir`/bills.
Catalog load_catalog(const std::filesystem::path& templates_dir);

}  // namespace civic::bills
