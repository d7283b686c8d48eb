#include "cli/present_official.hpp"

#include <algorithm>
#include <map>

#include "core/reps/states.hpp"

namespace civic::cli {
namespace {

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

void write_office(JsonWriter& json, const reps::Office& f) {
  json.begin_object()
      .field("kind", f.kind)
      .field_or_null("name", f.name)
      .field_or_null("address", f.address)
      .field_or_null("street", f.street)
      .field_or_null("city", f.city)
      .field_or_null("state", f.state)
      .field_or_null("zip", f.zip)
      .field_or_null("phone", f.phone)
      .field_or_null("fax", f.fax)
      .field_or_null("hours", f.hours)
      .field("lat", f.lat)
      .field("lon", f.lon)
      .field("source", f.source)
      .end_object();
}

// The role's fields, inside an object the caller opened.
void write_role_fields(JsonWriter& json, const reps::Role& r) {
  json.field("level", reps::to_string(r.level))
      .field("state", r.state)
      .field("chamber", reps::to_string(r.chamber))
      .field("chamber_name", reps::chamber_name(r))
      .field("office", reps::office_label(r))
      .field("title", r.title)
      .field_or_null("district", r.district)
      .field_or_null("party", r.party)
      .field_or_null("start_date", r.start_date)
      .field_or_null("end_date", r.end_date)
      .field("senate_class", r.senate_class)
      .field_or_null("state_rank", r.state_rank)
      .field_or_null("source", r.source);
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

Table seats_human_table(const std::vector<reps::Seat>& seats, Date today) {
  Table table;
  table.columns = {{"office", "OFFICE"}, {"district", "DISTRICT"}, {"name", "NAME"}, {"party", "PARTY"},
                   {"phone", "PHONE"},   {"notes", "NOTES"},       {"id", "ID"}};
  for (const auto& seat : seats) {
    const auto& role = seat.role;
    const auto notes = join_notes(seat_notes(seat, today));
    if (seat.vacant()) {
      table.rows.push_back({reps::office_label(role), role.district, Cell("(vacant)", Style::warn), "", "",
                            Cell(notes, Style::warn), ""});
      continue;
    }
    const auto& o = *seat.holder;
    const auto all_phones = phones(o);
    table.rows.push_back({reps::office_label(role), role.district, o.name, party_abbreviation(o.party),
                          all_phones.empty() ? "" : all_phones.front(),
                          Cell(notes, term_ended(role, today) ? Style::warn : Style::dim), o.id});
  }
  return table;
}

Table seats_csv_table(const std::vector<reps::Seat>& seats, Date today) {
  Table table;
  for (const char* key : {"state", "level", "chamber", "office", "title", "district", "vacant", "id", "name",
                          "party", "phone", "fax", "email", "website", "contact_form", "address", "district_offices",
                          "twitter", "facebook", "notes", "division_id", "start_date", "end_date", "source"}) {
    table.columns.push_back({key, ""});
  }
  for (const auto& seat : seats) {
    const auto& role = seat.role;
    std::vector<Cell> row = {role.state, std::string(reps::to_string(role.level)),
                             std::string(reps::to_string(role.chamber)), reps::office_label(role), role.title,
                             role.district, seat.vacant() ? "true" : "false"};
    if (seat.holder) {
      const auto& o = *seat.holder;
      const auto all_phones = phones(o);
      const auto* office = main_office(o);
      const auto district_offices =
          std::count_if(o.offices.begin(), o.offices.end(), [](const auto& f) { return f.kind == "district"; });
      for (std::string cell : {o.id, o.name, o.party, all_phones.empty() ? "" : all_phones.front(),
                               office ? office->fax : "", o.email, link_of(o, "website"), link_of(o, "contact_form"),
                               office ? office->address : "", std::to_string(district_offices),
                               account_of(o, "twitter"), account_of(o, "facebook")}) {
        row.emplace_back(std::move(cell));
      }
    } else {
      row.resize(row.size() + 12);
    }
    for (std::string cell : {join_notes(seat_notes(seat, today)), seat.division_id, role.start_date, role.end_date,
                             role.source}) {
      row.emplace_back(std::move(cell));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

void write_official(JsonWriter& json, const reps::Official& o, WithRoles roles) {
  json.begin_object()
      .field("id", o.id)
      .field("name", o.name)
      .field_or_null("given_name", o.given_name)
      .field_or_null("family_name", o.family_name)
      .field_or_null("middle_name", o.middle_name)
      .field_or_null("suffix", o.suffix)
      .field_or_null("nickname", o.nickname)
      .field_or_null("gender", o.gender)
      .field_or_null("birthday", o.birthday)
      .field_or_null("party", o.party)
      .field_or_null("email", o.email)
      .field_or_null("image", o.image);
  json.key("phones").begin_array();
  for (const auto& phone : phones(o)) {
    json.value(phone);
  }
  json.end_array();
  json.field_or_null("website", link_of(o, "website")).field_or_null("contact_form", link_of(o, "contact_form"));
  json.key("offices").begin_array();
  for (const auto& office : o.offices) {
    write_office(json, office);
  }
  json.end_array().key("links").begin_array();
  for (const auto& link : o.links) {
    json.begin_object().field("kind", link.kind).field("url", link.url).field_or_null("note", link.note);
    json.field("source", link.source).end_object();
  }
  json.end_array().key("social").begin_array();
  for (const auto& account : o.social) {
    json.begin_object().field("platform", account.platform).field("account", account.account);
    json.field("source", account.source).end_object();
  }
  json.end_array().key("ids").begin_object();
  // Schemes in order of first appearance, each with all its values.
  std::vector<std::string> schemes;
  for (const auto& id : o.ids) {
    if (std::find(schemes.begin(), schemes.end(), id.scheme) == schemes.end()) {
      schemes.push_back(id.scheme);
    }
  }
  for (const auto& scheme : schemes) {
    json.key(scheme).begin_array();
    for (const auto& id : o.ids) {
      if (id.scheme == scheme) {
        json.value(id.value);
      }
    }
    json.end_array();
  }
  json.end_object();
  if (roles == WithRoles::yes) {
    json.key("roles").begin_array();
    for (const auto& role : o.roles) {
      json.begin_object();
      write_role_fields(json, role);
      json.end_object();
    }
    json.end_array();
  }
  json.field("source", o.source).end_object();
}

void write_seat(JsonWriter& json, const reps::Seat& seat, Date today,
                const std::function<void(JsonWriter&)>& extra) {
  json.begin_object();
  write_role_fields(json, seat.role);
  json.field_or_null("division_id", seat.division_id)
      .field("vacant", seat.vacant())
      .field("term_ended", term_ended(seat.role, today))
      .field("at_large", seat.at_large)
      .field("district_members", seat.district_members);
  json.key("notes").begin_array();
  for (const auto& note : seat_notes(seat, today)) {
    json.value(note);
  }
  json.end_array().key("official");
  if (seat.holder) {
    write_official(json, *seat.holder, WithRoles::no);
  } else {
    json.null();
  }
  if (extra) {
    extra(json);
  }
  json.end_object();
}

Listing seats_listing(const std::vector<reps::Seat>& seats, Date today) {
  return Listing{[&seats, today] { return seats_human_table(seats, today); },
                 [&seats, today] { return seats_csv_table(seats, today); },
                 [&seats, today](JsonWriter& json) {
                   json.begin_array();
                   for (const auto& seat : seats) {
                     write_seat(json, seat, today);
                   }
                   json.end_array();
                 }};
}

Record official_record(const reps::Official& official, const Palette& palette, Date today) {
  return Record{[&official, palette] { return official_card(official, palette); },
                [&official](JsonWriter& json) { write_official(json, official, WithRoles::yes); },
                [&official, today] {
                  reps::Seat seat;
                  if (!official.roles.empty()) {
                    seat.role = official.roles.front();
                    seat.division_id = seat.role.division_ids.empty() ? "" : seat.role.division_ids.front();
                  }
                  seat.holder = std::make_shared<const reps::Official>(official);
                  return seats_csv_table({seat}, today);
                }};
}

}  // namespace civic::cli
