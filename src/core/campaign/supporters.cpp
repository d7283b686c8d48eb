#include "core/campaign/supporters.hpp"

#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/util/csv.hpp"
#include "core/letters/document.hpp"
#include "core/reps/address.hpp"
#include "core/util/text.hpp"

namespace civic::campaign {
namespace {

// Longer than any letter can carry: a story of a few paragraphs fits easily.
constexpr std::size_t k_story_limit = 10000;
constexpr std::size_t k_field_limit = 1000;

bool valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t size = byte < 0x80           ? 1
                             : (byte >> 5) == 0x6  ? 2
                             : (byte >> 4) == 0xE  ? 3
                             : (byte >> 3) == 0x1E ? 4
                                                   : 0;
    if (size == 0 || i + size > text.size()) {
      return false;
    }
    for (std::size_t k = 1; k < size; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
        return false;
      }
    }
    i += size;
  }
  return true;
}

// The first control character of `text` (a NUL, an escape...) and where it
// is; tabs and line breaks are text. nullopt when there is none.
std::optional<std::string> control_character(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      return fmt::format("holds the control character 0x{:02X} at byte {}; remove it", c, i + 1);
    }
  }
  return std::nullopt;
}

// Why a row cannot be used as it is, naming the column; nullopt when it can.
std::optional<std::pair<std::string, std::string>> row_problem(const csv::Table& table, const csv::Record& row,
                                                               const std::map<std::string, std::size_t>& column) {
  if (row.fields.size() != table.header().size()) {
    return std::pair<std::string, std::string>{
        "", "has " + std::to_string(row.fields.size()) + " fields where the header has " +
                std::to_string(table.header().size()) + " (a comma in a value that is not in quotes?)"};
  }
  for (const auto& [field, index] : column) {
    const auto& value = csv::Table::field(row, index);
    const auto& name = table.header()[index];
    if (!valid_utf8(value)) {
      return std::pair<std::string, std::string>{name, "is not UTF-8 text; save the file as UTF-8"};
    }
    if (auto control = control_character(value)) {
      return std::pair<std::string, std::string>{name, std::move(*control)};
    }
    const auto limit = field == "story" ? k_story_limit : k_field_limit;
    if (value.size() > limit) {
      return std::pair<std::string, std::string>{name, std::to_string(value.size()) + " bytes, more than the " +
                                                           std::to_string(limit) + " a " + field + " can have"};
    }
  }
  return std::nullopt;
}

void check_sender_columns(const Campaign& c, const letters::LetterTemplate& letter_template) {
  letters::Sender mapped;
  mapped.name = c.columns.count("name") ? "x" : "";
  if (c.columns.count("address") || c.columns.count("street")) {
    mapped.address_lines = {"x"};
  }
  mapped.email = c.columns.count("email") ? "x" : "";
  mapped.phone = c.columns.count("phone") ? "x" : "";
  const auto missing = letters::missing_sender_fields(letter_template, c.channel, mapped);
  if (!missing.empty()) {
    throw usage_error(c.file.string() + ": the " + std::string(to_string(c.channel)) + " template (" + letter_template.origin() +
                      ") prints the sender's " + text::join(missing, ", ") +
                      ", and [supporters.columns] maps no column to it")
        .hint("add e.g. " + missing.front() + " = \"<column>\"" +
              (missing.front() == "address" ? " (or street, city, state and zip)" : "") + " to [supporters.columns]");
  }
}

}  // namespace

void check_template_fields(const Campaign& c, const letters::LetterTemplate& letter_template) {
  check_sender_columns(c, letter_template);
  const auto& used = letter_template.supporter_fields();
  for (const auto& [field, column] : c.columns) {
    if (!is_supporter_field(field) && !used.count(field)) {
      const auto near = text::closest_match(field, supporter_fields());
      throw usage_error(c.file.string() + ": [supporters.columns] maps '" + field + "', which is no supporter field" +
                        " and which the template (" + letter_template.origin() + ") does not use as {{supporter." +
                        field + "}}")
          .hint(near ? "did you mean '" + *near + "'?" : "the fields are " + text::join(supporter_fields(), ", "));
    }
  }
  for (const auto& field : used) {
    if (!c.columns.count(field)) {
      throw usage_error(c.file.string() + ": the template (" + letter_template.origin() + ") uses {{supporter." +
                        field + "}}, and [supporters.columns] maps no column to '" + field + "'")
          .hint("add " + field + " = \"<column>\" to [supporters.columns]");
    }
  }
}

SupporterList read_supporters(const Campaign& campaign, const std::string& csv_text) {
  const auto name = campaign.supporters.string();
  const auto table = csv::Table::parse(csv_text, name);
  const auto id_column = table.require_column(campaign.id_column);
  std::map<std::string, std::size_t> column;
  for (const auto& [field, header] : campaign.columns) {
    if (!table.column(header)) {
      throw usage_error(name + ": no column '" + header + "' (mapped to " + field + " in " + campaign.file.string() +
                        ")")
          .hint("the header has: " + text::join(table.header(), ", "));
    }
    column[field] = *table.column(header);
  }
  auto get = [&](const csv::Record& row, const std::string& field) {
    const auto it = column.find(field);
    return it == column.end() ? std::string() : std::string(text::trim(csv::Table::field(row, it->second)));
  };
  SupporterList out;
  const auto problem = [&](const csv::Record& row, const std::string& id, const std::string& at,
                           std::string reason) {
    out.problems.push_back({name, std::move(reason), row.line, id, at});
  };
  out.supporters.reserve(table.rows().size());
  std::set<std::string> seen;
  // Each supporter's letters go in a folder named after their id: two ids
  // that make one name would write over each other's letters.
  std::map<std::string, std::pair<std::string, std::size_t>> folders;  // name -> id, row
  for (const auto& row : table.rows()) {
    const auto id = std::string(text::trim(csv::Table::field(row, id_column)));
    if (id.empty()) {
      problem(row, id, campaign.id_column, "no supporter id");
      continue;
    }
    if (const auto bad = row_problem(table, row, column)) {
      problem(row, text::excerpt(id), bad->first, bad->second);
      continue;
    }
    if (!valid_utf8(id) || control_character(id) || id.size() > k_field_limit) {
      problem(row, "", campaign.id_column, "the id is not UTF-8 text of at most 1000 bytes without control characters");
      continue;
    }
    if (!seen.insert(id).second) {
      problem(row, id, campaign.id_column, "the id '" + id + "' is used by an earlier row");
      continue;
    }
    const auto folder = letters::file_slug(id);
    if (folder.empty()) {
      problem(row, id, campaign.id_column,
              "the id '" + id + "' makes no folder name: give it letters or digits");
      continue;
    }
    if (const auto [taken, added] = folders.try_emplace(folder, id, row.line); !added) {
      problem(row, id, campaign.id_column,
              "the id '" + id + "' would share the folder '" + folder + "' with '" + taken->second.first +
                  "' (line " + std::to_string(taken->second.second) +
                  "); make the ids differ in more than case, accents or punctuation");
      continue;
    }
    Supporter s;
    s.row = row.line;
    s.id = id;
    s.sender.name = get(row, "name");
    s.sender.email = get(row, "email");
    s.sender.phone = get(row, "phone");
    s.story = get(row, "story");
    for (const auto& entry : column) {
      if (!is_supporter_field(entry.first)) {
        s.fields[entry.first] = get(row, entry.first);
      }
    }
    std::string street = get(row, "street");
    std::string city = get(row, "city");
    std::string state = get(row, "state");
    std::string zip = get(row, "zip");
    if (const auto address = get(row, "address"); !address.empty()) {
      s.sender.address_lines = letters::address_lines(address);
      // "12 Elm St, Kent, WA 98030": street, city, state and ZIP, as the
      // Census batch wants them, when the address is in that shape.
      if (const auto parts = reps::split_address(text::join(s.sender.address_lines, ", "));
          !parts.zip.empty() && !parts.city.empty() && street.empty()) {
        street = parts.street;
        city = parts.city;
        state = parts.state;
        zip = zip.empty() ? parts.zip : zip;
      }
    } else if (!street.empty()) {
      s.sender.address_lines = {street, city + ", " + state + " " + zip};
    }
    if (s.sender.name.empty()) {
      problem(row, id, campaign.columns.at("name"), "no name");
      continue;
    }
    // The most precise place the row has is the one the locator uses.
    const bool has_point = !get(row, "lat").empty() || !get(row, "lon").empty();
    const char* used = has_point                                                 ? "lat"
                       : column.count("address") && !get(row, "address").empty() ? "address"
                       : !street.empty() && column.count("street")               ? "street"
                                                                                 : "zip";
    s.place_column = campaign.columns.count(used) ? campaign.columns.at(used) : "";
    out.places.push_back(geo::make_place_query(row.line, id, get(row, "lat"), get(row, "lon"), std::move(street),
                                               std::move(city), std::move(state), std::move(zip)));
    out.supporters.push_back(std::move(s));
  }
  return out;
}

}  // namespace civic::campaign
