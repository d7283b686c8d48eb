#include "core/campaign/campaign_file.hpp"

#include <algorithm>

#include "core/util/files.hpp"
#include "core/util/toml_reader.hpp"

namespace civic::campaign {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> k_top_keys = {"campaign", "supporters"};
const std::vector<std::string> k_campaign_keys = {"name",    "bill",   "stance", "channel",  "formats",
                                                  "targets", "office", "output", "template", "bundle",
                                                  "letter_files"};
const std::vector<std::string> k_supporter_keys = {"file", "id", "columns"};
const std::vector<std::string> k_stances = name_list(k_stance_names);
const std::vector<std::string> k_channels = name_list(k_channel_names, k_drafted_channels);
const std::vector<std::string> k_formats = name_list(k_format_names);
const std::vector<std::string> k_levels = {"federal", "state", "all"};

std::string one_of(const TomlReader& toml, const toml::table& table, std::string_view key,
                   const std::vector<std::string>& allowed, const std::string& fallback) {
  const auto value = table.contains(key) ? toml.required_string(table, key, "campaign.") : fallback;
  if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
    std::string list;
    for (const auto& a : allowed) {
      list += (list.empty() ? "" : " | ") + a;
    }
    throw toml.fail_at(table, key, "is '" + value + "'; use " + list + TomlReader::suggestion(value, allowed));
  }
  return value;
}

void read_targets(const TomlReader& toml, const toml::table& table, Campaign& c) {
  auto targets = toml.string_list(table, "targets");
  if (targets.empty()) {
    targets = {"federal"};
  }
  std::string level;
  for (const auto& target : targets) {
    if (std::find(k_levels.begin(), k_levels.end(), target) != k_levels.end()) {
      if (!level.empty() && level != target) {
        throw toml.fail_at(table, "targets", "names both '" + level + "' and '" + target + "'; use 'all'");
      }
      level = target;
    } else {
      c.officials.push_back(target);  // checked against the reference data when the campaign runs
    }
  }
  c.level = reps::parse_level(level);  // nullopt for "all"
  if (!level.empty() && !c.officials.empty()) {
    throw toml.fail_at(table, "targets", "mixes levels and official ids; give one or the other");
  }
}

void read_supporters(const TomlReader& toml, const toml::table& root, Campaign& c, const fs::path& base) {
  const auto* table = toml.table(root, "supporters", TomlReader::Need::required);
  toml.check_keys(*table, k_supporter_keys, "supporters.");
  c.supporters = base / toml.required_string(*table, "file", "supporters.");
  c.id_column = table->contains("id") ? toml.required_string(*table, "id", "supporters.") : "id";
  const auto* columns = toml.table(*table, "columns", TomlReader::Need::required);
  // Fields besides the known ones are the template's own ({{supporter.x}}):
  // whether the template uses them is checked once it is read.
  for (const auto& [key, value] : *columns) {
    const std::string field(key.str());
    if (field.empty() || field.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos) {
      throw toml.fail_at(*columns, field,
                         "is no field name: fields are lower-case letters, digits and '_'" +
                             TomlReader::suggestion(field, supporter_fields()));
    }
    c.columns[field] = toml.required_string(*columns, field, "supporters.columns.");
  }
  const bool place = c.columns.count("lat") + c.columns.count("lon") == 2 || c.columns.count("zip") ||
                     c.columns.count("address") || c.columns.count("street");
  if (!c.columns.count("name") || (!place && c.officials.empty())) {
    throw toml.fail(columns->source().begin.line, 1,
                    "[supporters.columns] needs 'name' and a place: 'lat' and 'lon', 'zip', 'address', or "
                    "'street', 'city', 'state' and 'zip'");
  }
}

}  // namespace

const std::vector<std::string>& supporter_fields() {
  static const std::vector<std::string> fields = {"name", "address", "street", "city",  "state", "zip",
                                                  "lat",  "lon",     "email",  "phone", "story"};
  return fields;
}

bool is_supporter_field(const std::string& field) {
  const auto& known = supporter_fields();
  return std::find(known.begin(), known.end(), field) != known.end();
}

Campaign load_campaign(const fs::path& file) {
  const TomlReader toml(file.string(), "'civic campaign init' writes a commented example of every key");
  const auto root = toml.parse(read_file(file));
  toml.check_keys(root, k_top_keys, "");
  const auto* table = toml.table(root, "campaign", TomlReader::Need::required);
  toml.check_keys(*table, k_campaign_keys, "campaign.");
  const auto base = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  Campaign c;
  c.file = file;
  c.name = toml.required_string(*table, "name", "campaign.");
  c.bill = toml.required_string(*table, "bill", "campaign.");
  c.stance = *parse_stance(one_of(toml, *table, "stance", k_stances, ""));
  c.channel = *parse_channel(one_of(toml, *table, "channel", k_channels, "letter"));
  c.office = *letters::parse_office_choice(one_of(toml, *table, "office", {"district", "capitol"}, "district"));
  auto formats = toml.string_list(*table, "formats");
  if (formats.empty()) {
    formats = {"txt"};
  }
  for (const auto& format : formats) {
    const auto parsed = parse_letter_format(format);
    if (!parsed) {
      throw toml.fail_at(
          *table, "formats",
          "names '" + format + "'; use txt, md, html, pdf or eml" + TomlReader::suggestion(format, k_formats));
    }
    if (parsed == LetterFormat::eml && c.channel != Channel::email) {
      throw toml.fail_at(*table, "formats", "names 'eml', which is for channel = \"email\"");
    }
    c.formats.push_back(*parsed);
  }
  c.bundle = one_of(toml, *table, "bundle", {"none", "office"}, "none") == "office" ? Bundle::office : Bundle::none;
  if (const auto* node = table->get("letter_files")) {
    if (!node->is_boolean()) {
      throw toml.fail_at(*table, "letter_files", "must be true or false");
    }
    c.letter_files = node->as_boolean()->get();
    if (!c.letter_files && (c.bundle != Bundle::office || c.channel != Channel::letter)) {
      throw toml.fail_at(*table, "letter_files",
                         "is false, so only office bundles would be written: that needs bundle = \"office\" and "
                         "channel = \"letter\"");
    }
  }
  read_targets(toml, *table, c);
  c.output = base / (table->contains("output") ? toml.required_string(*table, "output", "campaign.") : "out");
  if (table->contains("template")) {
    c.template_file = base / toml.required_string(*table, "template", "campaign.");
  }
  read_supporters(toml, root, c, base);
  return c;
}

std::string example_campaign() {
  return R"(# A letter drive: civic campaign run campaign.toml
# Every path is relative to this file. Unknown keys are errors.

[campaign]
name = "TVPRA 2025 letter drive"   # tags every letter in the journal
bill = "hr1144-119"                # any spelling: "H.R. 1144", hr1144
stance = "support"                 # support | oppose | thanks | follow-up
channel = "letter"                 # letter | email | form | call
formats = ["txt"]                  # txt | md | html | pdf, and eml for emails
bundle = "none"                    # office: also one file per target office (txt, pdf) and labels.csv
letter_files = true                # false (with bundle = "office"): only the office bundles
targets = ["federal"]              # federal | state | all, or official ids: ["C000127", "M001111"]
office = "district"                # district (nearest district office) | capitol
output = "out"                     # letters, manifest.csv and problems.csv go here
# template = "my-letter.mustache"  # instead of the channel's template

[supporters]
file = "supporters.csv"
id = "id"                          # the column that identifies a supporter

[supporters.columns]               # field = CSV column
name = "full_name"
lat = "lat"                        # a place: lat and lon, zip, address (one line),
lon = "lon"                        # or street, city, state and zip
# address = "address"
# street = "street"
# city = "city"
# state = "state"
# zip = "zip"
# email = "email"                  # needed by templates that print them
# phone = "phone"
# story = "story"                  # a few sentences in the supporter's own words
# chapter = "chapter"              # any other column, printed by {{supporter.chapter}} in your template
)";
}

}  // namespace civic::campaign
