#include "cli/present_official.hpp"

#include <algorithm>
#include <map>

#include <cmath>

#include <fmt/format.h>

#include "cli/schema.hpp"
#include "core/reps/states.hpp"
#include "core/util/text.hpp"

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

namespace {

using reps::Office;
using reps::Official;
using reps::Role;

std::string text_of(const std::optional<int>& n) { return n ? std::to_string(*n) : ""; }

const Schema<Office>& office_schema() {
  static const Schema<Office> schema{
      {
          {"kind", "", [](const Office& f) { return Cell(f.kind); }, json_text<Office>([](const Office& f) { return f.kind; })},
          {"name", "", [](const Office& f) { return Cell(f.name); }},
          {"address", "", [](const Office& f) { return Cell(f.address); }},
          {"street", "", [](const Office& f) { return Cell(f.street); }},
          {"city", "", [](const Office& f) { return Cell(f.city); }},
          {"state", "", [](const Office& f) { return Cell(f.state); }},
          {"zip", "", [](const Office& f) { return Cell(f.zip); }},
          {"phone", "", [](const Office& f) { return Cell(f.phone); }},
          {"fax", "", [](const Office& f) { return Cell(f.fax); }},
          {"hours", "", [](const Office& f) { return Cell(f.hours); }},
          {"lat", "", [](const Office&) { return Cell(); }, json_value<Office>([](const Office& f) { return f.lat; })},
          {"lon", "", [](const Office&) { return Cell(); }, json_value<Office>([](const Office& f) { return f.lon; })},
          {"source", "", [](const Office& f) { return Cell(f.source); },
           json_text<Office>([](const Office& f) { return f.source; })},
      },
      {},
      {},
      {"kind", "name", "address", "street", "city", "state", "zip", "phone", "fax", "hours", "lat", "lon", "source"},
  };
  return schema;
}

const Schema<Role>& role_schema() {
  static const Schema<Role> schema{
      {
          {"level", "", [](const Role& r) { return Cell(std::string(reps::to_string(r.level))); },
           json_value<Role>([](const Role& r) { return reps::to_string(r.level); })},
          {"state", "", [](const Role& r) { return Cell(r.state); }, json_text<Role>([](const Role& r) { return r.state; })},
          {"chamber", "", [](const Role& r) { return Cell(std::string(reps::to_string(r.chamber))); },
           json_value<Role>([](const Role& r) { return reps::to_string(r.chamber); })},
          {"chamber_name", "", [](const Role& r) { return Cell(reps::chamber_name(r)); },
           json_text<Role>([](const Role& r) { return reps::chamber_name(r); })},
          {"office", "", [](const Role& r) { return Cell(reps::office_label(r)); },
           json_text<Role>([](const Role& r) { return reps::office_label(r); })},
          {"title", "", [](const Role& r) { return Cell(r.title); }, json_text<Role>([](const Role& r) { return r.title; })},
          {"district", "", [](const Role& r) { return Cell(r.district); }},
          {"party", "", [](const Role& r) { return Cell(r.party); }},
          {"start_date", "", [](const Role& r) { return Cell(r.start_date); }},
          {"end_date", "", [](const Role& r) { return Cell(r.end_date); }},
          {"senate_class", "", [](const Role& r) { return Cell(text_of(r.senate_class)); },
           json_value<Role>([](const Role& r) { return r.senate_class; })},
          {"state_rank", "", [](const Role& r) { return Cell(r.state_rank); }},
          {"source", "", [](const Role& r) { return Cell(r.source); }},
      },
      {},
      {},
      {"level", "state", "chamber", "chamber_name", "office", "title", "district", "party", "start_date", "end_date",
       "senate_class", "state_rank", "source"},
  };
  return schema;
}

void write_ids(JsonWriter& json, const Official& o) {
  // Schemes in order of first appearance, each with all its values.
  std::vector<std::string> schemes;
  for (const auto& id : o.ids) {
    if (std::find(schemes.begin(), schemes.end(), id.scheme) == schemes.end()) {
      schemes.push_back(id.scheme);
    }
  }
  json.begin_object();
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
}

void write_links(JsonWriter& json, const Official& o) {
  json.begin_array();
  for (const auto& link : o.links) {
    json.begin_object().field("kind", link.kind).field("url", link.url).field_or_null("note", link.note);
    json.field("source", link.source).end_object();
  }
  json.end_array();
}

void write_social(JsonWriter& json, const Official& o) {
  json.begin_array();
  for (const auto& account : o.social) {
    json.begin_object().field("platform", account.platform).field("account", account.account);
    json.field("source", account.source).end_object();
  }
  json.end_array();
}

std::vector<ColumnDef<Official>> official_columns() {
  using O = Official;
  const auto text = [](std::string O::*member) { return [member](const O& o) { return Cell(o.*member); }; };
  return {
      {"id", "", text(&O::id), json_text<O>([](const O& o) { return o.id; })},
      {"name", "", text(&O::name), json_text<O>([](const O& o) { return o.name; })},
      {"given_name", "", text(&O::given_name)},
      {"family_name", "", text(&O::family_name)},
      {"middle_name", "", text(&O::middle_name)},
      {"suffix", "", text(&O::suffix)},
      {"nickname", "", text(&O::nickname)},
      {"gender", "", text(&O::gender)},
      {"birthday", "", text(&O::birthday)},
      {"party", "", text(&O::party)},
      {"email", "", text(&O::email)},
      {"image", "", text(&O::image)},
      {"phones", "", [](const O& o) { return Cell(text::join(phones(o), ";")); }, json_strings<O>(phones)},
      {"website", "", [](const O& o) { return Cell(link_of(o, "website")); }},
      {"contact_form", "", [](const O& o) { return Cell(link_of(o, "contact_form")); }},
      {"offices", "", [](const O&) { return Cell(); },
       [](JsonWriter& json, const O& o) { write_array(json, office_schema(), o.offices); }},
      {"links", "", [](const O&) { return Cell(); }, write_links},
      {"social", "", [](const O&) { return Cell(); }, write_social},
      {"ids", "", [](const O&) { return Cell(); }, write_ids},
      {"roles", "", [](const O&) { return Cell(); },
       [](JsonWriter& json, const O& o) { write_array(json, role_schema(), o.roles); }},
      {"source", "", text(&O::source), json_text<O>([](const O& o) { return o.source; })},
  };
}

const Schema<Official>& official_schema(WithRoles roles) {
  static const std::vector<std::string_view> k_fields = {
      "id",     "name",   "given_name", "family_name", "middle_name", "suffix",       "nickname",
      "gender", "birthday", "party",    "email",       "image",       "phones",       "website",
      "contact_form", "offices", "links", "social",   "ids"};
  const auto view = [](bool with_roles) {
    auto fields = k_fields;
    if (with_roles) {
      fields.emplace_back("roles");
    }
    fields.emplace_back("source");
    return fields;
  };
  static const Schema<Official> without{official_columns(), {}, {}, view(false)};
  static const Schema<Official> with{official_columns(), {}, {}, view(true)};
  return roles == WithRoles::yes ? with : without;
}

// A seat as a listing shows it: with the day that says whose term has
// ended, and, for a located place, its holder's nearest office.
struct SeatLine {
  const reps::Seat& seat;
  Date today;
  const reps::LocatedSeat* located = nullptr;
};

std::string holder_text(const SeatLine& l, const std::function<std::string(const Official&)>& get) {
  return l.seat.holder ? get(*l.seat.holder) : "";
}

// The Capitol / Washington office's, else the first one listed.
std::string main_office_text(const SeatLine& l, std::string Office::*member) {
  const auto* office = l.seat.holder ? main_office(*l.seat.holder) : nullptr;
  return office != nullptr ? (*office).*member : "";
}

const reps::Office* nearest(const SeatLine& l) {
  return l.located != nullptr && l.located->nearest_office ? &l.seat.holder->offices[*l.located->nearest_office]
                                                           : nullptr;
}

std::vector<ColumnDef<SeatLine>> seat_columns() {
  using L = SeatLine;
  const auto role_column = [](std::string_view id) {
    const auto& c = role_schema().column(id);
    return ColumnDef<L>(id, "", [&c](const L& l) { return c.cell(l.seat.role); },
                        [&c](JsonWriter& json, const L& l) {
                          c.json ? c.json(json, l.seat.role) : void(json.text_or_null(c.cell(l.seat.role).text));
                        });
  };
  const auto holder = [](std::string_view id, std::function<std::string(const Official&)> get) {
    return ColumnDef<L>(id, "", [get](const L& l) { return Cell(holder_text(l, get)); });
  };
  std::vector<ColumnDef<L>> columns;
  for (const auto id : role_schema().json_view()) {
    columns.push_back(role_column(id));
  }
  const auto notes = [](const L& l) { return join_notes(seat_notes(l.seat, l.today)); };
  const std::vector<ColumnDef<L>> own = {
      {"office_label", "OFFICE", [](const L& l) { return Cell(reps::office_label(l.seat.role)); }},
      {"district_label", "DISTRICT", [](const L& l) { return Cell(l.seat.role.district); }},
      {"holder_name", "NAME",
       [](const L& l) { return l.seat.vacant() ? Cell("(vacant)", Style::warn) : Cell(l.seat.holder->name); }},
      {"party_short", "PARTY", [](const L& l) { return Cell(holder_text(l, [](const Official& o) { return party_abbreviation(o.party); })); }},
      {"phone", "PHONE", [](const L& l) {
         return Cell(holder_text(l, [](const Official& o) { const auto all = phones(o); return all.empty() ? std::string() : all.front(); }));
       }},
      {"notes", "NOTES",
       [notes](const L& l) {
         return Cell(notes(l), l.seat.vacant() || term_ended(l.seat.role, l.today) ? Style::warn : Style::dim);
       },
       [](JsonWriter& json, const L& l) {
         json.begin_array();
         for (const auto& note : seat_notes(l.seat, l.today)) {
           json.value(note);
         }
         json.end_array();
       }},
      {"holder_id", "ID", [](const L& l) { return Cell(holder_text(l, [](const Official& o) { return o.id; })); }, nullptr, "id"},
      {"vacant", "", [](const L& l) { return Cell(l.seat.vacant() ? "true" : "false"); },
       json_value<L>([](const L& l) { return l.seat.vacant(); })},
      holder("name", [](const Official& o) { return o.name; }),
      {"holder_party", "", [](const L& l) { return Cell(holder_text(l, [](const Official& o) { return o.party; })); },
       nullptr, "party"},
      {"fax", "", [](const L& l) { return Cell(main_office_text(l, &Office::fax)); }},
      holder("email", [](const Official& o) { return o.email; }),
      holder("website", [](const Official& o) { return link_of(o, "website"); }),
      holder("contact_form", [](const Official& o) { return link_of(o, "contact_form"); }),
      {"address", "", [](const L& l) { return Cell(main_office_text(l, &Office::address)); }},
      holder("district_offices", [](const Official& o) {
        return std::to_string(std::count_if(o.offices.begin(), o.offices.end(), [](const auto& f) { return f.kind == "district"; }));
      }),
      holder("twitter", [](const Official& o) { return account_of(o, "twitter"); }),
      holder("facebook", [](const Official& o) { return account_of(o, "facebook"); }),
      {"division_id", "", [](const L& l) { return Cell(l.seat.division_id); }},
      {"term_ended", "", [](const L&) { return Cell(); },
       json_value<L>([](const L& l) { return term_ended(l.seat.role, l.today); })},
      {"at_large", "", [](const L&) { return Cell(); }, json_value<L>([](const L& l) { return l.seat.at_large; })},
      {"district_members", "", [](const L&) { return Cell(); },
       json_value<L>([](const L& l) { return l.seat.district_members; })},
      {"official", "", [](const L&) { return Cell(); },
       [](JsonWriter& json, const L& l) {
         if (l.seat.holder) {
           write_object(json, official_schema(WithRoles::no), *l.seat.holder);
         } else {
           json.null();
         }
       }},
      {"nearest_city", "NEAREST OFFICE",
       [](const L& l) {
         const auto* office = nearest(l);
         return office == nullptr ? Cell()
                                  : Cell(fmt::format("{} ({:.1f} km)", office->city.empty() ? office->name : office->city,
                                                     *l.located->nearest_office_km));
       }},
      {"nearest_office", "", [](const L& l) { return Cell(nearest(l) != nullptr ? nearest(l)->address : ""); },
       [](JsonWriter& json, const L& l) {
         const auto* office = nearest(l);
         if (office == nullptr) {
           json.null();
           return;
         }
         json.begin_object().field("index", static_cast<long long>(*l.located->nearest_office));
         json.field_or_null("name", office->name).field("address", office->address);
         json.field("distance_km", std::round(*l.located->nearest_office_km * 10) / 10).end_object();
       }},
      {"nearest_office_km", "",
       [](const L& l) { return Cell(nearest(l) != nullptr ? fmt::format("{:.1f}", *l.located->nearest_office_km) : ""); }},
  };
  columns.insert(columns.end(), own.begin(), own.end());
  return columns;
}

const std::vector<std::string_view> k_seat_table = {"office_label", "district_label", "holder_name", "party_short",
                                                    "phone",        "notes",          "holder_id"};
const std::vector<std::string_view> k_seat_csv = {
    "state",   "level",   "chamber",      "office",  "title",   "district",         "vacant",
    "holder_id", "name",  "holder_party", "phone",   "fax",     "email",            "website",
    "contact_form", "address", "district_offices", "twitter", "facebook", "notes", "division_id",
    "start_date", "end_date", "source"};

std::vector<std::string_view> seat_json(bool located) {
  auto view = role_schema().json_view();
  for (const auto id : {"division_id", "vacant", "term_ended", "at_large", "district_members", "notes", "official"}) {
    view.emplace_back(id);
  }
  if (located) {
    view.emplace_back("nearest_office");
  }
  return view;
}

const Schema<SeatLine>& seat_schema() {
  static const Schema<SeatLine> schema{seat_columns(), k_seat_table, k_seat_csv, seat_json(false)};
  return schema;
}

// A located place's seats: the nearest office besides.
const Schema<SeatLine>& located_seat_schema() {
  static const Schema<SeatLine> schema{seat_columns(),
                                       [] {
                                         auto table = k_seat_table;
                                         table.insert(table.end() - 1, "nearest_city");
                                         return table;
                                       }(),
                                       [] {
                                         auto csv = k_seat_csv;
                                         csv.insert(csv.end(), {"nearest_office", "nearest_office_km"});
                                         return csv;
                                       }(),
                                       seat_json(true)};
  return schema;
}

std::vector<SeatLine> lines_of(const std::vector<reps::Seat>& seats, Date today) {
  std::vector<SeatLine> lines;
  for (const auto& seat : seats) {
    lines.push_back({seat, today, nullptr});
  }
  return lines;
}

std::vector<SeatLine> lines_of(const std::vector<reps::LocatedSeat>& seats, Date today) {
  std::vector<SeatLine> lines;
  for (const auto& located : seats) {
    lines.push_back({located.seat, today, &located});
  }
  return lines;
}

}  // namespace


Listing seats_listing(const std::vector<reps::Seat>& seats, Date today) {
  return owned_listing(seat_schema(), lines_of(seats, today));
}

void write_official(JsonWriter& json, const reps::Official& official, WithRoles roles) {
  write_object(json, official_schema(roles), official);
}

Table located_seats_table(const std::vector<reps::LocatedSeat>& seats, Date today, TableKind kind) {
  return table_of(located_seat_schema(), lines_of(seats, today), kind);
}

void write_located_seats(JsonWriter& json, const std::vector<reps::LocatedSeat>& seats, Date today) {
  write_array(json, located_seat_schema(), lines_of(seats, today));
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
                  return table_of(seat_schema(), std::vector<SeatLine>{{seat, today, nullptr}}, TableKind::csv);
                }};
}

}  // namespace civic::cli
