// congress-legislators: members of Congress with their current term, the
// Washington office, district offices and official social accounts.
#include <map>

#include "core/cancel.hpp"
#include "core/data/import.hpp"
#include "core/data/yaml.hpp"
#include "core/reps/address.hpp"
#include "core/reps/district_key.hpp"
#include "core/reps/states.hpp"

namespace civic::data {
namespace {

constexpr const char* k_current = "legislators-current.yaml";
constexpr const char* k_offices = "legislators-district-offices.yaml";
constexpr const char* k_social = "legislators-social-media.yaml";

std::string gender_name(const std::string& code) {
  return code == "M" ? "Male" : code == "F" ? "Female" : code;
}

void add_ids(reps::Official& official, const YAML::Node& ids, const std::string& source) {
  for (const auto& entry : ids) {
    const auto scheme = entry.first.as<std::string>();
    if (entry.second.IsScalar()) {
      official.ids.push_back({scheme, entry.second.Scalar(), source});
    } else if (entry.second.IsSequence()) {
      for (const auto& value : entry.second) {
        official.ids.push_back({scheme, value.as<std::string>(), source});
      }
    }
  }
}

reps::Role current_role(const YAML::Node& term, const std::string& source) {
  reps::Role role;
  role.level = reps::Level::federal;
  role.state = scalar(term, "state");
  const auto* state = reps::find_state(role.state);
  if (state == nullptr) {
    throw Error("unknown state '" + role.state + "' in the current term");
  }
  const auto type = scalar(term, "type");
  if (type == "sen") {
    role.chamber = reps::Chamber::senate;
    role.title = "Senator";
    if (const auto cls = scalar(term, "class"); !cls.empty()) {
      role.senate_class = std::stoi(cls);
    }
    role.state_rank = scalar(term, "state_rank");
  } else if (type == "rep") {
    role.chamber = reps::Chamber::house;
    role.title = std::string(reps::house_title(*state));
    const auto district = scalar(term, "district");
    role.district = district == "0" || district.empty() ? "at-large" : district;
    role.district_key = reps::district_key(role.district);
  } else {
    throw Error("current term has unknown type '" + type + "'");
  }
  role.party = scalar(term, "party");
  role.start_date = scalar(term, "start");
  role.end_date = scalar(term, "end");
  role.source = source;
  return role;
}

reps::Office washington_office(const YAML::Node& term, const std::string& source) {
  reps::Office office;
  office.kind = "capitol";
  office.name = "Washington, DC office";
  reps::assign_address(office, scalar(term, "address"));
  office.phone = scalar(term, "phone");
  office.fax = scalar(term, "fax");
  office.source = source;
  return office;
}

reps::Official parse_legislator(const YAML::Node& entry, const std::string& source) {
  reps::Official official;
  official.id = scalar(entry["id"], "bioguide");
  if (official.id.empty()) {
    throw Error("missing id.bioguide");
  }
  const auto name = entry["name"];
  official.given_name = scalar(name, "first");
  official.family_name = scalar(name, "last");
  official.middle_name = scalar(name, "middle");
  official.suffix = scalar(name, "suffix");
  official.nickname = scalar(name, "nickname");
  official.name = scalar(name, "official_full");
  if (official.name.empty()) {
    official.name = official.given_name + " " + official.family_name;
  }
  official.gender = gender_name(scalar(entry["bio"], "gender"));
  official.birthday = scalar(entry["bio"], "birthday");
  official.source = source;
  add_ids(official, entry["id"], source);

  const auto terms = entry["terms"];
  if (!terms.IsSequence() || terms.size() == 0) {
    throw Error("no terms");
  }
  const auto term = terms[terms.size() - 1];
  official.roles.push_back(current_role(term, source));
  official.party = official.roles.back().party;
  official.offices.push_back(washington_office(term, source));
  for (const auto& [key, kind] : {std::pair{"url", "website"}, {"contact_form", "contact_form"}, {"rss_url", "rss"}}) {
    if (auto url = scalar(term, key); !url.empty()) {
      official.links.push_back({kind, url, "", source});
    }
  }
  return official;
}

reps::Office district_office(const YAML::Node& node, const std::string& source) {
  reps::Office office;
  office.kind = "district";
  office.name = scalar(node, "city").empty() ? "" : scalar(node, "city") + " office";
  std::string street = scalar(node, "address");
  for (const char* extra : {"building", "suite"}) {
    if (auto part = scalar(node, extra); !part.empty()) {
      street += ", " + part;
    }
  }
  office.street = street;
  office.city = scalar(node, "city");
  office.state = scalar(node, "state");
  office.zip = scalar(node, "zip");
  office.address = reps::format_address({office.street, office.city, office.state, office.zip});
  office.phone = scalar(node, "phone");
  office.fax = scalar(node, "fax");
  office.hours = scalar(node, "hours");
  if (auto lat = scalar(node, "latitude"); !lat.empty()) {
    office.lat = std::stod(lat);
  }
  if (auto lon = scalar(node, "longitude"); !lon.empty()) {
    office.lon = std::stod(lon);
  }
  office.source = source;
  return office;
}

// Runs `parse` on each entry of a YAML list, turning failures into problems.
template <class Fn>
void each_entry(const YAML::Node& list, const std::string& file, std::vector<Problem>& problems, Fn&& parse) {
  if (!list.IsSequence()) {
    problems.push_back({file, "expected a list of entries"});
    return;
  }
  std::size_t index = 0;
  for (const auto& entry : list) {
    ++index;
    try {
      parse(entry);
    } catch (const std::exception& e) {
      problems.push_back({position(file, entry) + ": entry " + std::to_string(index), e.what()});
    }
  }
}

}  // namespace

OfficialsImport import_congress(DatasetFiles& files, const ImportContext& context) {
  OfficialsImport result;
  std::vector<Problem> problems;
  std::map<std::string, std::size_t> by_bioguide;

  const auto current_source = files.source_of(k_current);
  const auto current = parse_yaml(files.read(k_current), files.source_of(k_current));
  each_entry(current, current_source, problems, [&](const YAML::Node& entry) {
    auto official = parse_legislator(entry, current_source);
    by_bioguide[official.id] = result.officials.size();
    result.officials.push_back(std::move(official));
  });
  context.cancel.throw_if_cancelled();

  const auto offices_source = files.source_of(k_offices);
  const auto offices = parse_yaml(files.read(k_offices), offices_source);
  each_entry(offices, offices_source, problems, [&](const YAML::Node& entry) {
    const auto it = by_bioguide.find(scalar(entry["id"], "bioguide"));
    if (it == by_bioguide.end()) {
      return;  // offices of members who have left: nothing to attach them to
    }
    for (const auto& office : entry["offices"]) {
      result.officials[it->second].offices.push_back(district_office(office, offices_source));
    }
  });

  const auto social_source = files.source_of(k_social);
  const auto social = parse_yaml(files.read(k_social), social_source);
  each_entry(social, social_source, problems, [&](const YAML::Node& entry) {
    const auto it = by_bioguide.find(scalar(entry["id"], "bioguide"));
    if (it == by_bioguide.end()) {
      return;
    }
    for (const auto& account : entry["social"]) {
      result.officials[it->second].social.push_back(
          {account.first.as<std::string>(), account.second.as<std::string>(), social_source});
    }
  });

  const auto count = result.officials.size();
  return finish_import(files, context, problems, std::move(result), count);
}

}  // namespace civic::data
