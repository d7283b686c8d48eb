#include "core/campaign/supporters.hpp"

#include <map>
#include <optional>
#include <set>

#include "core/error.hpp"
#include "core/util/csv.hpp"
#include "core/util/text.hpp"

namespace civic::campaign {
namespace {

// "12 Elm St, Kent, WA 98030" -> street, city, state, zip, as the Census
// batch wants them; nullopt when the line is not in that shape.
struct AddressParts {
  std::string street, city, state, zip;
};

std::optional<AddressParts> split_address(const std::string& address) {
  const auto lines = letters::address_lines(address);
  if (lines.size() < 2) {
    return std::nullopt;
  }
  const auto& last = lines.back();  // "Kent, WA 98030"
  const auto comma = last.rfind(',');
  if (comma == std::string::npos) {
    return std::nullopt;
  }
  const auto words = text::split(std::string(text::trim(last.substr(comma + 1))), ' ');
  if (words.size() != 2) {
    return std::nullopt;
  }
  std::vector<std::string> street(lines.begin(), lines.end() - 1);
  return AddressParts{text::join(street, ", "), std::string(text::trim(last.substr(0, comma))), words[0], words[1]};
}

}  // namespace

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
  out.places_csv = csv::format_row({"id", "lat", "lon", "zip", "street", "city", "state"});
  std::set<std::string> seen;
  for (const auto& row : table.rows()) {
    const auto id = std::string(text::trim(csv::Table::field(row, id_column)));
    if (id.empty()) {
      out.problems.push_back({row.line, id, campaign.id_column, "no supporter id"});
      continue;
    }
    if (!seen.insert(id).second) {
      out.problems.push_back({row.line, id, campaign.id_column, "the id '" + id + "' is used by an earlier row"});
      continue;
    }
    Supporter s;
    s.row = row.line;
    s.id = id;
    s.sender.name = get(row, "name");
    s.sender.email = get(row, "email");
    s.sender.phone = get(row, "phone");
    s.story = get(row, "story");
    std::string street = get(row, "street");
    std::string city = get(row, "city");
    std::string state = get(row, "state");
    std::string zip = get(row, "zip");
    if (const auto address = get(row, "address"); !address.empty()) {
      s.sender.address_lines = letters::address_lines(address);
      if (const auto parts = split_address(address); parts && street.empty()) {
        street = parts->street;
        city = parts->city;
        state = parts->state;
        zip = zip.empty() ? parts->zip : zip;
      }
    } else if (!street.empty()) {
      s.sender.address_lines = {street, city + ", " + state + " " + zip};
    }
    if (s.sender.name.empty()) {
      out.problems.push_back({row.line, id, campaign.columns.at("name"), "no name"});
      continue;
    }
    // The most precise place the row has is the one the locator uses.
    const bool has_point = !get(row, "lat").empty() || !get(row, "lon").empty();
    const char* used = has_point                                                 ? "lat"
                       : column.count("address") && !get(row, "address").empty() ? "address"
                       : !street.empty() && column.count("street")               ? "street"
                                                                                 : "zip";
    s.place_column = campaign.columns.count(used) ? campaign.columns.at(used) : "";
    out.places_csv += csv::format_row({id, get(row, "lat"), get(row, "lon"), zip, street, city, state});
    out.supporters.push_back(std::move(s));
  }
  return out;
}

}  // namespace civic::campaign
