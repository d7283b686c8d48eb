#include "core/reps/directory.hpp"

#include <algorithm>
#include <map>
#include <functional>
#include <set>

#include <SQLiteCpp/Statement.h>

#include "core/db/fast_query.hpp"
#include "core/db/statement.hpp"
#include "core/reps/district_key.hpp"
#include "core/reps/states.hpp"
#include "core/util/text.hpp"

namespace civic::reps {
namespace {

// Which officials to load: those filed under a state, or some by id.
struct Selection {
  enum class By { home_state, ids } by;
  std::vector<std::string> values;  // one state, or the ids
};

// Everything about the selected officials.
std::map<std::string, Official> load_officials(SQLite::Database& db, const Selection& selection) {
  std::map<std::string, Official> officials;
  if (selection.values.empty()) {
    return officials;
  }
  std::string placeholders = "?";
  for (std::size_t i = 1; i < selection.values.size(); ++i) {
    placeholders += ",?";
  }
  const bool by_state = selection.by == Selection::By::home_state;
  // Rows of a per-official table, in the order they were imported.
  const auto query = [&](const std::string& select_from, const char* column) {
    auto stmt = std::make_unique<db::FastQuery>(
        db, select_from + " WHERE " + column + " IN (" + placeholders + ") ORDER BY id");
    for (std::size_t i = 0; i < selection.values.size(); ++i) {
      stmt->bind(static_cast<int>(i + 1), selection.values[i]);
    }
    return stmt;
  };
  const auto text = [](const db::FastQuery& q, int column) { return std::string(q.text(column)); };
  auto people = query("SELECT id, name, given_name, family_name, middle_name, suffix, nickname, gender, birthday, "
                      "party, email, image, source FROM official",
                      by_state ? "home_state" : "id");
  while (people->step()) {
    Official o;
    int i = 0;
    for (auto* field : {&o.id, &o.name, &o.given_name, &o.family_name, &o.middle_name, &o.suffix, &o.nickname,
                        &o.gender, &o.birthday, &o.party, &o.email, &o.image, &o.source}) {
      *field = text(*people, i++);
    }
    officials.emplace(o.id, std::move(o));
  }
  const char* column = by_state ? "home_state" : "official_id";
  auto roles = query(
      "SELECT official_id, level, state, chamber, district, district_key, title, party, start_date, end_date, "
      "senate_class, state_rank, source, (SELECT GROUP_CONCAT(division_id, ' ') FROM (SELECT division_id FROM "
      "role_division rd WHERE rd.role_id = role.id ORDER BY division_id)) FROM role",
      column);
  while (roles->step()) {
    Role r;
    r.level = parse_level(roles->text(1)).value_or(Level::state);
    r.state = text(*roles, 2);
    r.chamber = parse_chamber(roles->text(3)).value_or(Chamber::lower);
    r.district = text(*roles, 4);
    r.district_key = text(*roles, 5);
    r.title = text(*roles, 6);
    r.party = text(*roles, 7);
    r.start_date = text(*roles, 8);
    r.end_date = text(*roles, 9);
    r.senate_class = roles->optional_int(10);
    r.state_rank = text(*roles, 11);
    r.source = text(*roles, 12);
    if (const auto ids = roles->text(13); !ids.empty()) {
      r.division_ids = text::split(ids, ' ');
    }
    officials[text(*roles, 0)].roles.push_back(std::move(r));
  }
  auto offices = query(
      "SELECT official_id, kind, name, address, street, city, state, zip, phone, fax, hours, lat, lon, source "
      "FROM office",
      column);
  while (offices->step()) {
    Office f;
    int i = 1;
    for (auto* field : {&f.kind, &f.name, &f.address, &f.street, &f.city, &f.state, &f.zip, &f.phone, &f.fax,
                        &f.hours}) {
      *field = text(*offices, i++);
    }
    f.lat = offices->optional_real(11);
    f.lon = offices->optional_real(12);
    f.source = text(*offices, 13);
    officials[text(*offices, 0)].offices.push_back(std::move(f));
  }
  auto links = query("SELECT official_id, kind, url, note, source FROM link", column);
  while (links->step()) {
    officials[text(*links, 0)].links.push_back(
        {text(*links, 1), text(*links, 2), text(*links, 3), text(*links, 4)});
  }
  auto social = query("SELECT official_id, platform, account, source FROM social", column);
  while (social->step()) {
    officials[text(*social, 0)].social.push_back({text(*social, 1), text(*social, 2), text(*social, 3)});
  }
  auto ids = query("SELECT official_id, scheme, value, source FROM identifier", column);
  while (ids->step()) {
    officials[text(*ids, 0)].ids.push_back({text(*ids, 1), text(*ids, 2), text(*ids, 3)});
  }
  return officials;
}

int chamber_rank(Chamber chamber) {
  switch (chamber) {
    case Chamber::senate: return 0;
    case Chamber::house: return 1;
    case Chamber::executive: return 2;
    case Chamber::upper: return 3;
    case Chamber::lower: return 4;
  }
  return 5;
}

// Governor first, then the other statewide offices alphabetically.
bool executive_less(const Role& a, const Role& b) {
  const auto head = [](const Role& r) { return r.title == "Governor" || r.title == "Mayor"; };
  if (head(a) != head(b)) {
    return head(a);
  }
  return a.title < b.title;
}

bool seat_less(const Seat& a, const Seat& b) {
  if (a.role.chamber != b.role.chamber) {
    return chamber_rank(a.role.chamber) < chamber_rank(b.role.chamber);
  }
  if (a.role.chamber == Chamber::senate && a.role.state_rank != b.role.state_rank) {
    return a.role.state_rank == "senior";
  }
  if (a.role.chamber == Chamber::executive && a.role.title != b.role.title) {
    return executive_less(a.role, b.role);
  }
  if (a.role.district != b.role.district) {
    return text::natural_less(a.role.district, b.role.district);
  }
  const auto name = [](const Seat& s) { return s.holder ? s.holder->family_name + " " + s.holder->name : ""; };
  return name(a) < name(b);
}

bool wanted(const SeatQuery& query, Chamber chamber) {
  if (query.chamber && *query.chamber != chamber) {
    return false;
  }
  if (query.level && *query.level != level_of(chamber)) {
    return false;
  }
  // A district names a districted seat, never a statewide one.
  return !(query.district && (chamber == Chamber::senate || chamber == Chamber::executive));
}

bool district_wanted(const SeatQuery& query, const std::string& key) {
  if (!query.district) {
    return true;
  }
  const auto wanted_key = *query.district == "0" ? std::string("at_large") : district_key(*query.district);
  return district_keys_match(wanted_key, key);
}

Seat vacant_seat(const StateInfo& state, Chamber chamber, const std::string& district, const std::string& title) {
  Seat seat;
  seat.role.level = level_of(chamber);
  seat.role.state = std::string(state.code);
  seat.role.chamber = chamber;
  seat.role.district = district;
  seat.role.district_key = district_key(district);
  seat.role.title = title;
  seat.at_large = seat.role.district_key == "at_large";
  return seat;
}

// Vacant districts: in the inventory, linked to no role.
void add_vacant_districts(SQLite::Database& db, const SeatQuery& query, const StateInfo& state,
                          std::vector<Seat>& seats) {
  SQLite::Statement divisions(db,
                              "SELECT id, chamber, district, district_key FROM division d WHERE state = ? AND NOT "
                              "EXISTS (SELECT 1 FROM role_division rd WHERE rd.division_id = d.id)");
  divisions.bind(1, std::string(state.code));
  while (divisions.executeStep()) {
    const auto chamber = parse_chamber(db::text(divisions, 1)).value_or(Chamber::lower);
    if (!wanted(query, chamber) || !district_wanted(query, db::text(divisions, 3))) {
      continue;
    }
    const auto title = chamber == Chamber::house   ? house_title(state)
                       : chamber == Chamber::upper ? state.upper_title
                                                   : state.lower_title;
    std::string district = db::text(divisions, 2);
    std::replace(district.begin(), district.end(), '_', ' ');
    auto seat = vacant_seat(state, chamber, district, std::string(title));
    seat.division_id = db::text(divisions, 0);
    seats.push_back(std::move(seat));
  }
}

// Whether the people data covers a state's own offices at all.
enum class StateData { missing, present };
StateData state_data(SQLite::Database& db, const std::string& state) {
  SQLite::Statement any(db, "SELECT 1 FROM role WHERE state = ? AND level = 'state' LIMIT 1");
  any.bind(1, state);
  return any.executeStep() ? StateData::present : StateData::missing;
}

// Statewide seats that must exist: two senators, a governor (a mayor in DC).
void add_vacant_statewide(const SeatQuery& query, const StateInfo& state, StateData state_data,
                          std::vector<Seat>& seats) {
  const auto count = [&](Chamber chamber, const std::string& title) {
    return std::count_if(seats.begin(), seats.end(), [&](const Seat& s) {
      return s.role.chamber == chamber && (title.empty() || s.role.title == title);
    });
  };
  if (has_senators(state) && wanted(query, Chamber::senate)) {
    for (auto n = count(Chamber::senate, ""); n < 2; ++n) {
      seats.push_back(vacant_seat(state, Chamber::senate, "", "Senator"));
    }
  }
  const std::string head(executive_head_title(state));
  if (state_data == StateData::present && wanted(query, Chamber::executive) && count(Chamber::executive, head) == 0) {
    seats.push_back(vacant_seat(state, Chamber::executive, "", head));
  }
}

}  // namespace

namespace {

// Seats for the roles `keep` accepts, with multi-member districts counted.
std::vector<Seat> held_seats(std::map<std::string, Official>& officials, const std::string& state,
                             const std::function<bool(const Role&)>& keep) {
  std::vector<Seat> seats;
  for (auto& [id, loaded] : officials) {
    const auto official = std::make_shared<const Official>(std::move(loaded));
    for (const auto& role : official->roles) {
      if (role.state != state || !keep(role)) {
        continue;
      }
      Seat seat;
      seat.role = role;
      seat.holder = official;
      seat.division_id = role.division_ids.empty() ? "" : role.division_ids.front();
      seat.at_large = role.district_key == "at_large";
      seats.push_back(std::move(seat));
    }
  }
  std::map<std::pair<Chamber, std::string>, int> members;
  for (const auto& seat : seats) {
    if (!seat.role.district_key.empty()) {
      ++members[{seat.role.chamber, seat.role.district_key}];
    }
  }
  for (auto& seat : seats) {
    if (!seat.role.district_key.empty()) {
      seat.district_members = members[{seat.role.chamber, seat.role.district_key}];
    }
  }
  return seats;
}

}  // namespace

std::vector<Seat> find_seats(SQLite::Database& db, const SeatQuery& query) {
  const auto& state = *find_state(query.state);
  const std::string code(state.code);
  auto officials = load_officials(db, {Selection::By::home_state, {code}});
  auto seats = held_seats(officials, code, [&](const Role& role) {
    return wanted(query, role.chamber) && district_wanted(query, role.district_key);
  });
  add_vacant_districts(db, query, state, seats);
  add_vacant_statewide(query, state, state_data(db, code), seats);
  std::stable_sort(seats.begin(), seats.end(), seat_less);
  return seats;
}

std::vector<Seat> find_place_seats(SQLite::Database& db, const std::string& state_code,
                                   const std::set<std::string>& division_ids) {
  const auto& state = *find_state(state_code);
  const std::string code(state.code);
  // The officials to load: statewide heads and senators, and whoever sits
  // in one of the divisions.
  std::string sql =
      "SELECT official_id FROM role WHERE state = ? AND (chamber = 'senate' OR (chamber = 'executive' AND title IN "
      "('Governor', 'Mayor')))";
  if (!division_ids.empty()) {
    sql += " UNION SELECT r.official_id FROM role r JOIN role_division rd ON rd.role_id = r.id WHERE rd.division_id "
           "IN (?";
    for (std::size_t i = 1; i < division_ids.size(); ++i) {
      sql += ",?";
    }
    sql += ")";
  }
  SQLite::Statement ids(db, sql);
  int i = 1;
  ids.bind(i++, code);
  for (const auto& id : division_ids) {
    ids.bind(i++, id);
  }
  Selection selection{Selection::By::ids, {}};
  while (ids.executeStep()) {
    selection.values.push_back(db::text(ids, 0));
  }
  auto officials = load_officials(db, selection);
  auto seats = held_seats(officials, code, [&](const Role& role) {
    if (role.chamber == Chamber::senate) {
      return true;
    }
    if (role.chamber == Chamber::executive) {
      return role.title == "Governor" || role.title == "Mayor";
    }
    return std::any_of(role.division_ids.begin(), role.division_ids.end(),
                       [&](const auto& id) { return division_ids.count(id) != 0; });
  });
  // Vacant districts among the place's, and missing statewide seats.
  SQLite::Statement vacant(db,
                           "SELECT chamber, district FROM division d WHERE id = ? AND NOT EXISTS "
                           "(SELECT 1 FROM role_division rd WHERE rd.division_id = d.id)");
  for (const auto& id : division_ids) {
    vacant.reset();
    vacant.bind(1, id);
    if (vacant.executeStep()) {
      const auto chamber = parse_chamber(db::text(vacant, 0)).value_or(Chamber::lower);
      const auto title = chamber == Chamber::house   ? house_title(state)
                         : chamber == Chamber::upper ? state.upper_title
                                                     : state.lower_title;
      std::string district = db::text(vacant, 1);
      std::replace(district.begin(), district.end(), '_', ' ');
      auto seat = vacant_seat(state, chamber, district, std::string(title));
      seat.division_id = id;
      seats.push_back(std::move(seat));
    }
  }
  SeatQuery statewide;
  statewide.state = code;
  add_vacant_statewide(statewide, state, state_data(db, code), seats);
  std::stable_sort(seats.begin(), seats.end(), seat_less);
  return seats;
}

std::optional<Official> find_official(SQLite::Database& db, const std::string& id) {
  std::string wanted_id = id.rfind("ocd-person/", 0) == 0 ? id : text::upper(id);
  if (const auto colon = id.find(':'); colon != std::string::npos && id.rfind("ocd-person/", 0) != 0) {
    SQLite::Statement by_identifier(db, "SELECT DISTINCT official_id FROM identifier WHERE scheme = ? AND value = ?");
    by_identifier.bind(1, id.substr(0, colon));
    by_identifier.bind(2, id.substr(colon + 1));
    std::vector<std::string> matches;
    while (by_identifier.executeStep()) {
      matches.push_back(db::text(by_identifier, 0));
    }
    if (matches.size() != 1) {
      return std::nullopt;
    }
    wanted_id = matches.front();
  }
  auto officials = load_officials(db, {Selection::By::ids, {wanted_id}});
  auto it = officials.find(wanted_id);
  if (it == officials.end() || it->second.name.empty()) {
    return std::nullopt;
  }
  return std::move(it->second);
}

}  // namespace civic::reps

