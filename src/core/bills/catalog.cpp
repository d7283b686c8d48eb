#include "core/bills/catalog.hpp"

#include <algorithm>
#include <tuple>

#include <toml++/toml.h>

#include "core/error.hpp"
#include "core/util/text.hpp"
#include "core/util/toml_reader.hpp"

namespace civic::bills {
namespace {

constexpr std::string_view k_theme_names[] = {"awareness", "policy",   "supply-chains",      "survivor-support",
                                              "demand",    "training", "online-exploitation"};
constexpr std::string_view k_theme_words[] = {"awareness and prevention", "policy and enforcement", "supply chains",
                                              "survivor support",         "demand reduction",       "training",
                                              "online exploitation"};
constexpr std::string_view k_stage_names[] = {"introduced",    "in-committee", "reported", "passed-house",
                                              "passed-senate", "enacted",      "ended"};
const std::vector<std::string> k_bill_keys = {"id",         "title",   "short_title", "sponsor",
                                              "introduced", "themes",  "summary",     "talking_points",
                                              "companion",  "related", "uncertain",   "status"};
const std::vector<std::string> k_status_keys = {"stage", "text", "date", "as_of", "law"};
const std::vector<std::string> k_uncertain_facts = {"sponsor", "introduced", "status", "companion"};

// Reads one bill file, naming the file, line and key of anything wrong.
class BillReader {
 public:
  explicit BillReader(const templates::SourceFile& file)
      : m_file(file),
        m_toml(file.origin, "each bill file follows templates/README.md; fix the entry or remove the file") {}

  Bill read() {
    const auto root = m_toml.parse(m_file.text);
    m_toml.check_keys(root, k_bill_keys, "");
    Bill bill;
    bill.source = m_file.origin;
    bill.id = read_bill_id(root, "id", m_toml.required_string(root, "id", ""));
    bill.title = m_toml.required_string(root, "title", "");
    bill.short_title = m_toml.optional_string(root, "short_title", "");
    bill.sponsor = m_toml.required_string(root, "sponsor", "");
    bill.introduced = read_partial_date(root, "introduced");
    bill.summary = std::string(text::trim(m_toml.required_string(root, "summary", "")));
    bill.talking_points = m_toml.string_list(root, "talking_points");
    if (bill.talking_points.size() < 2 || bill.talking_points.size() > 4) {
      throw m_toml.fail_at(
          root, "talking_points",
          "has " + std::to_string(bill.talking_points.size()) + " entries; a bill has 2 to 4 talking points");
    }
    for (const auto& name : m_toml.string_list(root, "themes")) {
      const auto theme = parse_theme(name);
      if (!theme) {
        throw m_toml.fail_at(root, "themes",
                             "unknown theme '" + name + "'" + TomlReader::suggestion(name, theme_names()));
      }
      bill.themes.push_back(*theme);
    }
    if (root.contains("companion")) {
      bill.companion = read_bill_id(root, "companion", m_toml.required_string(root, "companion", ""));
    }
    for (const auto& related : m_toml.string_list(root, "related")) {
      bill.related.push_back(read_bill_id(root, "related", related));
    }
    for (const auto& fact : m_toml.string_list(root, "uncertain")) {
      if (std::find(k_uncertain_facts.begin(), k_uncertain_facts.end(), fact) == k_uncertain_facts.end()) {
        throw m_toml.fail_at(
            root, "uncertain",
            "'" + fact + "' is not a fact that can be marked; use " + text::join(k_uncertain_facts, ", "));
      }
      bill.uncertain.insert(fact);
    }
    bill.status = read_status(root);
    return bill;
  }

 private:
  static std::vector<std::string> theme_names() { return {std::begin(k_theme_names), std::end(k_theme_names)}; }

  BillId read_bill_id(const toml::table& table, std::string_view key, const std::string& value) const {
    const auto id = parse_bill_id(value, 0);
    if (!id || id->congress == 0 || id->canonical() != value) {
      throw m_toml.fail_at(table, key,
                           "must be a bill id like 'hr1144-119' (type, number, congress), not '" + value + "'");
    }
    return *id;
  }

  std::string read_partial_date(const toml::table& table, std::string_view key) const {
    const auto value = m_toml.required_string(table, key, "");
    const bool month_only = value.size() == 7 && parse_date(value + "-01").has_value();
    if (!month_only && !parse_date(value)) {
      throw m_toml.fail_at(table, key, "must be a date (YYYY-MM-DD, or YYYY-MM when the day is unknown)");
    }
    return value;
  }

  BillStatus read_status(const toml::table& root) const {
    const auto* table = root.get_as<toml::table>("status");
    if (table == nullptr) {
      throw m_toml.fail(root.source().begin.line, 1, "missing the [status] table");
    }
    m_toml.check_keys(*table, k_status_keys, "status.");
    BillStatus status;
    const auto stage_text = m_toml.required_string(*table, "stage", "status.");
    const auto stage = parse_stage(stage_text);
    if (!stage) {
      throw m_toml.fail_at(
          *table, "stage",
          "unknown stage '" + stage_text + "'" +
              TomlReader::suggestion(stage_text, {std::begin(k_stage_names), std::end(k_stage_names)}));
    }
    status.stage = *stage;
    status.text = m_toml.required_string(*table, "text", "status.");
    status.date = m_toml.optional_string(*table, "date", "status.");
    if (!status.date.empty() && !parse_date(status.date)) {
      throw m_toml.fail_at(*table, "date", "must be a date (YYYY-MM-DD)");
    }
    const auto as_of = parse_date(m_toml.required_string(*table, "as_of", "status."));
    if (!as_of) {
      throw m_toml.fail_at(*table, "as_of", "must be a date (YYYY-MM-DD)");
    }
    status.as_of = *as_of;
    if (table->contains("law")) {
      status.law = parse_law_id(m_toml.required_string(*table, "law", "status."));
      if (!status.law) {
        throw m_toml.fail_at(*table, "law", "must be a public law like 'P.L. 119-73'");
      }
    }
    if ((status.stage == Stage::enacted) != status.law.has_value()) {
      throw m_toml.fail_at(*table, "stage",
                           "and 'law' go together: an enacted bill names its public law, and only then");
    }
    return status;
  }

  const templates::SourceFile& m_file;
  TomlReader m_toml;
};

// Newest Congress first; House bills before Senate bills; by number.
bool catalog_order(const Bill& a, const Bill& b) {
  return std::tuple(-a.id.congress, static_cast<int>(a.id.type), a.id.number) <
         std::tuple(-b.id.congress, static_cast<int>(b.id.type), b.id.number);
}

}  // namespace

std::string_view to_string(Theme theme) {
  return k_theme_names[static_cast<int>(theme)];
}
std::string_view describe(Theme theme) {
  return k_theme_words[static_cast<int>(theme)];
}

std::optional<Theme> parse_theme(std::string_view text) {
  auto name = text::lower(text::trim(text));
  std::replace(name.begin(), name.end(), '_', '-');
  std::replace(name.begin(), name.end(), ' ', '-');
  if (name == "enforcement" || name == "policy-enforcement") {
    return Theme::policy;
  }
  for (std::size_t i = 0; i < std::size(k_theme_names); ++i) {
    if (name == k_theme_names[i]) {
      return static_cast<Theme>(i);
    }
  }
  return std::nullopt;
}

const std::vector<Theme>& all_themes() {
  static const std::vector<Theme> themes = {Theme::awareness,          Theme::policy, Theme::supply_chains,
                                            Theme::survivor_support,   Theme::demand, Theme::training,
                                            Theme::online_exploitation};
  return themes;
}

std::string_view to_string(Stage stage) {
  return k_stage_names[static_cast<int>(stage)];
}

std::optional<Stage> parse_stage(std::string_view text) {
  for (std::size_t i = 0; i < std::size(k_stage_names); ++i) {
    if (text == k_stage_names[i]) {
      return static_cast<Stage>(i);
    }
  }
  return std::nullopt;
}

std::string Bill::status_line() const {
  std::string line = status.text;
  if (status.law) {
    line += " as " + status.law->display();
  }
  if (!status.date.empty()) {
    line += " (" + status.date + ")";
  }
  if (is_uncertain("status")) {
    line += " (unconfirmed)";
  }
  return line;
}

Catalog Catalog::load(const std::vector<templates::SourceFile>& files) {
  Catalog catalog;
  for (const auto& file : files) {
    auto bill = BillReader(file).read();
    const auto expected = bill.id.canonical() + ".toml";
    if (file.name.substr(file.name.rfind('/') + 1) != expected) {
      throw usage_error(file.origin + ": holds " + bill.id.canonical() + " but is not named " + expected)
          .hint("name each bill file after its id, so a user's file replaces the shipped one");
    }
    const auto same =
        std::find_if(catalog.m_bills.begin(), catalog.m_bills.end(), [&](const Bill& b) { return b.id == bill.id; });
    if (same != catalog.m_bills.end()) {
      *same = std::move(bill);  // a later file (the user's) replaces an earlier one
    } else {
      catalog.m_bills.push_back(std::move(bill));
    }
  }
  std::sort(catalog.m_bills.begin(), catalog.m_bills.end(), catalog_order);
  return catalog;
}

const Bill* Catalog::find(const BillId& id) const {
  const auto it = std::find_if(m_bills.begin(), m_bills.end(), [&](const Bill& b) { return b.id == id; });
  return it == m_bills.end() ? nullptr : &*it;
}

const Bill* Catalog::find_law(const LawId& law) const {
  const auto it =
      std::find_if(m_bills.begin(), m_bills.end(), [&](const Bill& b) { return b.status.law && *b.status.law == law; });
  return it == m_bills.end() ? nullptr : &*it;
}

const Bill& Catalog::require(std::string_view text, int default_congress) const {
  if (const auto law = parse_law_id(text)) {
    if (const auto* bill = find_law(*law)) {
      return *bill;
    }
    throw usage_error("no bill in the catalog became " + law->display())
        .hint("'civic bills list --status enacted' shows the laws it knows");
  }
  const auto id = parse_bill_id(text, default_congress);
  if (!id) {
    throw usage_error("'" + text::excerpt(text) + "' is not a bill number")
        .hint("write it as hr1144-119, H.R. 1144, S. 1829 or P.L. 119-73");
  }
  if (const auto* bill = find(*id)) {
    return *bill;
  }
  // The same number in another Congress is the likeliest slip.
  for (const auto& bill : m_bills) {
    if (bill.id.type == id->type && bill.id.number == id->number) {
      throw usage_error(id->display() + " of the " + ordinal(id->congress) + " Congress is not in the catalog")
          .hint("did you mean " + bill.id.canonical() + " (" + bill.name() + ", " + ordinal(bill.id.congress) +
                " Congress)?");
    }
  }
  std::vector<std::string> ids;
  for (const auto& bill : m_bills) {
    ids.push_back(bill.id.canonical());
  }
  const auto near = text::closest_match(id->canonical(), ids);
  throw usage_error(id->display() + " (" + id->canonical() + ") is not in the catalog")
      .hint(near ? "did you mean " + *near + "? 'civic bills list' shows every bill"
                 : "'civic bills list' shows every bill; add your own in the templates folder (templates/README.md)");
}

Catalog load_catalog(const std::filesystem::path& templates_dir) {
  auto files = templates::shipped_files("bills", ".toml");
  auto mine = templates::user_files(templates_dir, "bills", ".toml");
  files.insert(files.end(), std::make_move_iterator(mine.begin()), std::make_move_iterator(mine.end()));
  return Catalog::load(files);
}

}  // namespace civic::bills
