#include "cli/present_official.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/reps/states.hpp"

namespace civic::cli {

using json = nlohmann::ordered_json;

namespace {

json text_or_null(const std::string& value) { return value.empty() ? json(nullptr) : json(value); }

std::string link_of(const reps::Official& o, const std::string& kind) {
  for (const auto& link : o.links) {
    if (link.kind == kind) {
      return link.url;
    }
  }
  return "";
}

std::string account_of(const reps::Official& o, const std::string& platform) {
  for (const auto& account : o.social) {
    if (account.platform == platform) {
      return account.account;
    }
  }
  return "";
}

// The Capitol / Washington office, else the first one listed.
const reps::Office* main_office(const reps::Official& o) {
  for (const auto& office : o.offices) {
    if (office.kind == "capitol") {
      return &office;
    }
  }
  return o.offices.empty() ? nullptr : &o.offices.front();
}

std::vector<std::string> phones(const reps::Official& o) {
  std::vector<std::string> out;
  const auto* main = main_office(o);
  if (main != nullptr && !main->phone.empty()) {
    out.push_back(main->phone);
  }
  for (const auto& office : o.offices) {
    if (!office.phone.empty() && std::find(out.begin(), out.end(), office.phone) == out.end()) {
      out.push_back(office.phone);
    }
  }
  return out;
}

json office_json(const reps::Office& f) {
  return {{"kind", f.kind},
          {"name", text_or_null(f.name)},
          {"address", text_or_null(f.address)},
          {"street", text_or_null(f.street)},
          {"city", text_or_null(f.city)},
          {"state", text_or_null(f.state)},
          {"zip", text_or_null(f.zip)},
          {"phone", text_or_null(f.phone)},
          {"fax", text_or_null(f.fax)},
          {"hours", text_or_null(f.hours)},
          {"lat", f.lat ? json(*f.lat) : json(nullptr)},
          {"lon", f.lon ? json(*f.lon) : json(nullptr)},
          {"source", f.source}};
}

json role_json(const reps::Role& r) {
  return {{"level", reps::to_string(r.level)},
          {"state", r.state},
          {"chamber", reps::to_string(r.chamber)},
          {"chamber_name", reps::chamber_name(r)},
          {"office", reps::office_label(r)},
          {"title", r.title},
          {"district", text_or_null(r.district)},
          {"party", text_or_null(r.party)},
          {"start_date", text_or_null(r.start_date)},
          {"end_date", text_or_null(r.end_date)},
          {"senate_class", r.senate_class ? json(*r.senate_class) : json(nullptr)},
          {"state_rank", text_or_null(r.state_rank)},
          {"source", text_or_null(r.source)}};
}

bool term_ended(const reps::Role& role, Date today) {
  return !role.end_date.empty() && role.end_date < format_date(today);
}

std::vector<std::string> seat_notes(const reps::Seat& seat, Date today) {
  std::vector<std::string> notes;
  const auto& role = seat.role;
  if (seat.vacant()) {
    notes.emplace_back("vacant");
  }
  if (term_ended(role, today)) {
    notes.push_back("term ended " + role.end_date);
  }
  if (role.chamber == reps::Chamber::senate && !role.state_rank.empty()) {
    notes.push_back(role.state_rank);
  }
  if (role.chamber == reps::Chamber::house && role.title != "Representative") {
    notes.emplace_back("non-voting");
  }
  if (seat.at_large) {
    notes.emplace_back("at-large");
  }
  if (seat.district_members > 1) {
    notes.push_back(std::to_string(seat.district_members) + "-member district");
  }
  return notes;
}

std::string join_notes(const std::vector<std::string>& notes) {
  std::string out;
  for (const auto& note : notes) {
    out += (out.empty() ? "" : ", ") + note;
  }
  return out;
}

}  // namespace

std::string party_abbreviation(const std::string& party) {
  static const std::map<std::string, std::string> k_short = {
      {"Democrat", "D"},     {"Democratic", "D"},  {"Republican", "R"},  {"Independent", "I"},
      {"Libertarian", "L"},  {"Green", "G"},       {"Nonpartisan", "NP"}, {"Progressive", "P"},
      {"Democratic-Farmer-Labor", "DFL"},          {"Independent Democrat", "ID"},
  };
  const auto it = k_short.find(party);
  return it == k_short.end() ? party : it->second;
}

json official_json(const reps::Official& o) {
  json ids = json::object();
  for (const auto& id : o.ids) {
    ids[id.scheme].push_back(id.value);
  }
  json offices = json::array();
  for (const auto& office : o.offices) {
    offices.push_back(office_json(office));
  }
  json links = json::array();
  for (const auto& link : o.links) {
    links.push_back({{"kind", link.kind}, {"url", link.url}, {"note", text_or_null(link.note)}, {"source", link.source}});
  }
  json social = json::array();
  for (const auto& account : o.social) {
    social.push_back({{"platform", account.platform}, {"account", account.account}, {"source", account.source}});
  }
  json roles = json::array();
  for (const auto& role : o.roles) {
    roles.push_back(role_json(role));
  }
  return {{"id", o.id},
          {"name", o.name},
          {"given_name", text_or_null(o.given_name)},
          {"family_name", text_or_null(o.family_name)},
          {"middle_name", text_or_null(o.middle_name)},
          {"suffix", text_or_null(o.suffix)},
          {"nickname", text_or_null(o.nickname)},
          {"gender", text_or_null(o.gender)},
          {"birthday", text_or_null(o.birthday)},
          {"party", text_or_null(o.party)},
          {"email", text_or_null(o.email)},
          {"image", text_or_null(o.image)},
          {"phones", phones(o)},
          {"website", text_or_null(link_of(o, "website"))},
          {"contact_form", text_or_null(link_of(o, "contact_form"))},
          {"offices", offices},
          {"links", links},
          {"social", social},
          {"ids", ids},
          {"roles", roles},
          {"source", o.source}};
}

json seat_json(const reps::Seat& seat, Date today) {
  json out = role_json(seat.role);
  out["division_id"] = text_or_null(seat.division_id);
  out["vacant"] = seat.vacant();
  out["term_ended"] = term_ended(seat.role, today);
  out["at_large"] = seat.at_large;
  out["district_members"] = seat.district_members;
  out["notes"] = seat_notes(seat, today);
  out["official"] = seat.holder ? official_json(*seat.holder) : json(nullptr);
  return out;
}

Listing seats_listing(const std::vector<reps::Seat>& seats, Date today) {
  Listing listing;
  listing.human.columns = {{"office", "OFFICE"}, {"district", "DISTRICT"}, {"name", "NAME"}, {"party", "PARTY"},
                           {"phone", "PHONE"},   {"notes", "NOTES"},       {"id", "ID"}};
  Table csv;
  csv.columns = {{"state", ""},        {"level", ""},          {"chamber", ""},          {"office", ""},
                 {"title", ""},        {"district", ""},       {"vacant", ""},           {"id", ""},
                 {"name", ""},         {"party", ""},          {"phone", ""},            {"fax", ""},
                 {"email", ""},        {"website", ""},        {"contact_form", ""},     {"address", ""},
                 {"district_offices", ""}, {"twitter", ""},    {"facebook", ""},         {"notes", ""},
                 {"division_id", ""},  {"start_date", ""},     {"end_date", ""},         {"source", ""}};
  json document = json::array();
  for (const auto& seat : seats) {
    const auto& role = seat.role;
    const auto notes = join_notes(seat_notes(seat, today));
    document.push_back(seat_json(seat, today));
    if (seat.vacant()) {
      listing.human.rows.push_back({reps::office_label(role), role.district, Cell("(vacant)", Style::warn), "", "",
                                    Cell(notes, Style::warn), ""});
      csv.rows.push_back({role.state, std::string(reps::to_string(role.level)), std::string(reps::to_string(role.chamber)),
                          reps::office_label(role), role.title, role.district, "true", "", "", "", "", "", "", "", "",
                          "", "", "", "", notes, seat.division_id, "", "", ""});
      continue;
    }
    const auto& o = *seat.holder;
    const auto all_phones = phones(o);
    const auto* office = main_office(o);
    const auto district_offices = std::count_if(o.offices.begin(), o.offices.end(),
                                                [](const auto& f) { return f.kind == "district"; });
    const auto note_style = term_ended(role, today) ? Style::warn : Style::dim;
    listing.human.rows.push_back({reps::office_label(role), role.district, o.name, party_abbreviation(o.party),
                                  all_phones.empty() ? "" : all_phones.front(), Cell(notes, note_style), o.id});
    csv.rows.push_back({role.state, std::string(reps::to_string(role.level)),
                        std::string(reps::to_string(role.chamber)), reps::office_label(role), role.title,
                        role.district, "false", o.id, o.name, o.party, all_phones.empty() ? "" : all_phones.front(),
                        office ? office->fax : "", o.email, link_of(o, "website"), link_of(o, "contact_form"),
                        office ? office->address : "", std::to_string(district_offices), account_of(o, "twitter"),
                        account_of(o, "facebook"), notes, seat.division_id, role.start_date, role.end_date,
                        role.source});
  }
  listing.csv = std::move(csv);
  listing.json = std::move(document);
  return listing;
}

Table official_csv(const reps::Official& o, Date today) {
  reps::Seat seat;
  if (!o.roles.empty()) {
    seat.role = o.roles.front();
  }
  seat.holder = o;
  return *seats_listing({seat}, today).csv;
}

}  // namespace civic::cli
