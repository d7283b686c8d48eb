// openstates people: state legislators, governors and other statewide
// officials, one YAML file per person under data/{state}/{legislature,executive}.
#include <algorithm>
#include <optional>

#include "core/cancel.hpp"
#include "core/data/import.hpp"
#include "core/data/yaml.hpp"
#include "core/reps/address.hpp"
#include "core/reps/district_key.hpp"
#include "core/reps/states.hpp"
#include "core/util/ordered_work.hpp"
#include "core/util/text.hpp"

namespace civic::data {
namespace {

// Congress comes from congress-legislators, which has more detail.
constexpr std::string_view k_federal_folder = "us";

// "secretary of state" → "Secretary of State"; "lt_governor" is handled by the caller.
std::string title_case(const std::string& words) {
  std::vector<std::string> out;
  for (auto word : text::split(words, ' ')) {
    if (word.empty()) {
      continue;
    }
    if (!out.empty() && (word == "of" || word == "and" || word == "the" || word == "for")) {
      out.push_back(word);
      continue;
    }
    word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    out.push_back(word);
  }
  return text::join(out, " ");
}

std::string state_of_jurisdiction(const std::string& jurisdiction) {
  const auto place = reps::ocd_place(jurisdiction, "ocd-jurisdiction/country:us/");
  if (!place || !(place->rest.empty() || place->rest.front() == '/')) {
    throw Error("role jurisdiction '" + jurisdiction.substr(0, 100) + "' is not a US state, district or territory");
  }
  return text::upper(place->state);
}

void set_chamber(reps::Role& role, const std::string& type, const reps::StateInfo& state) {
  if (type == "upper" || type == "legislature") {
    role.chamber = reps::Chamber::upper;
    role.title = std::string(state.upper_title);
  } else if (type == "lower") {
    role.chamber = reps::Chamber::lower;
    role.title = std::string(state.lower_title.empty() ? "Representative" : state.lower_title);
  } else {
    role.chamber = reps::Chamber::executive;
    role.title = type == "lt_governor" ? "Lieutenant Governor" : title_case(type);
    if (type == "governor") {
      role.title = std::string(reps::executive_head_title(state));  // DC's "governor" is its mayor
    }
  }
}

reps::Role parse_role(const YAML::Node& node, const std::string& source) {
  const auto type = scalar(node, "type");
  if (type.empty()) {
    throw Error("a role has no type");
  }
  reps::Role role;
  role.level = reps::Level::state;
  role.state = state_of_jurisdiction(scalar(node, "jurisdiction"));
  const auto* state = reps::find_state(role.state);
  if (state == nullptr) {
    throw Error("unknown state '" + role.state + "'");
  }
  set_chamber(role, type, *state);
  role.district = scalar(node, "district");
  role.district_key = reps::district_key(role.district);
  role.start_date = scalar(node, "start_date");
  role.end_date = scalar(node, "end_date");
  role.source = source;
  return role;
}

// The roles held now: those without an end date or ending today or later.
// A person kept in the current data whose roles have all ended keeps the
// latest one, so the seat is not lost and `data status` can flag it.
std::vector<reps::Role> current_roles(const YAML::Node& roles, const std::string& source, const std::string& today) {
  std::vector<reps::Role> current;
  std::optional<reps::Role> latest;
  for (const auto& node : roles) {
    auto role = parse_role(node, source);
    if (role.end_date.empty() || role.end_date >= today) {
      current.push_back(std::move(role));
    } else if (!latest || role.end_date > latest->end_date) {
      latest = std::move(role);
    }
  }
  if (current.empty() && latest) {
    current.push_back(std::move(*latest));
  }
  return current;
}

std::string current_party(const YAML::Node& parties) {
  std::string party;
  for (const auto& node : parties) {
    if (scalar(node, "end_date").empty() || party.empty()) {
      party = scalar(node, "name");
    }
  }
  return party;
}

void add_contacts(reps::Official& person, const YAML::Node& doc, const std::string& source) {
  for (const auto& node : doc["offices"]) {
    reps::Office office;
    office.kind = scalar(node, "classification");
    office.name = scalar(node, "name");
    reps::assign_address(office, scalar(node, "address"));
    office.phone = scalar(node, "voice");
    office.fax = scalar(node, "fax");
    office.source = source;
    person.offices.push_back(std::move(office));
  }
  bool first_link = true;
  for (const auto& node : doc["links"]) {
    person.links.push_back({first_link ? "website" : "other", scalar(node, "url"), scalar(node, "note"), source});
    first_link = false;
  }
  // Some records carry a contact-form URL where the email belongs.
  if (!person.email.empty() && person.email.find('@') == std::string::npos) {
    person.links.push_back({"contact_form", person.email, "", source});
    person.email.clear();
  }
  for (const auto& account : doc["ids"]) {
    if (account.second.IsScalar()) {
      person.social.push_back({account.first.as<std::string>(), account.second.Scalar(), source});
    }
  }
  person.ids.push_back({"openstates", person.id, source});
  for (const auto& node : doc["other_identifiers"]) {
    person.ids.push_back({scalar(node, "scheme"), scalar(node, "identifier"), source});
  }
}

reps::Official parse_person(const std::string& content, const std::string& source, const std::string& today) {
  const auto doc = parse_yaml(content, source);
  reps::Official person;
  person.id = scalar(doc, "id");
  person.name = scalar(doc, "name");
  if (person.id.rfind("ocd-person/", 0) != 0) {
    throw Error("missing or malformed 'id' (expected ocd-person/...)");
  }
  if (person.name.empty()) {
    throw Error("missing 'name'");
  }
  person.given_name = scalar(doc, "given_name");
  person.family_name = scalar(doc, "family_name");
  person.middle_name = scalar(doc, "middle_name");
  person.suffix = scalar(doc, "suffix");
  person.gender = scalar(doc, "gender");
  person.birthday = scalar(doc, "birth_date");
  person.email = scalar(doc, "email");
  person.image = scalar(doc, "image");
  person.party = current_party(doc["party"]);
  person.source = source;
  person.roles = current_roles(doc["roles"], source, today);
  if (person.roles.empty()) {
    throw Error("no roles");
  }
  for (auto& role : person.roles) {
    role.party = person.party;
  }
  add_contacts(person, doc, source);
  return person;
}

std::vector<std::string> person_files(DatasetFiles& files) {
  std::vector<std::string> paths;
  for (const auto& state : files.list("", EntryKind::directory)) {
    if (state == k_federal_folder) {
      continue;
    }
    for (const char* folder : {"legislature", "executive"}) {
      const auto rel = state + "/" + folder;
      for (const auto& name : files.list(rel, EntryKind::file)) {
        if (name.size() > 4 && (name.ends_with(".yml") || name.ends_with(".yaml"))) {
          paths.push_back(rel + "/" + name);
        }
      }
    }
  }
  return paths;
}

struct Parsed {
  std::optional<reps::Official> person;
  std::optional<Problem> problem;
};

// Parses the files on every core; results keep the order of `contents`.
std::vector<Parsed> parse_all(const std::vector<std::string>& paths, const std::vector<std::string>& contents,
                              DatasetFiles& files, const ImportContext& context) {
  std::vector<Parsed> parsed(paths.size());
  const auto today = format_date(context.today);
  parallel_for(paths.size(), [&](std::size_t i) {
    if (context.cancel.cancelled()) {
      return;
    }
    const auto source = files.source_of(paths[i]);
    try {
      parsed[i].person = parse_person(contents[i], source, today);
    } catch (const std::exception& e) {
      parsed[i].problem = Problem{source, e.what()};
    }
  });
  context.cancel.throw_if_cancelled();
  return parsed;
}

}  // namespace

OfficialsImport import_openstates(DatasetFiles& files, const ImportContext& context) {
  const auto paths = person_files(files);
  if (paths.empty()) {
    throw Error("openstates-people: no person files under " + files.location())
        .hint("expected {state}/legislature/*.yml and {state}/executive/*.yml there");
  }
  std::vector<std::string> contents;
  contents.reserve(paths.size());
  for (const auto& path : paths) {
    contents.push_back(files.read(path));
    context.cancel.throw_if_cancelled();
    if (context.progress && contents.size() % 256 == 0) {
      context.progress({files.spec().name, contents.size(), paths.size()});
    }
  }
  OfficialsImport result;
  std::vector<Problem> problems;
  for (auto& item : parse_all(paths, contents, files, context)) {
    if (item.problem) {
      problems.push_back(std::move(*item.problem));
    } else {
      result.officials.push_back(std::move(*item.person));
    }
  }
  const auto count = result.officials.size();
  return finish_import(files, context, problems, std::move(result), count);
}

}  // namespace civic::data
