#include "core/reps/for_location.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "core/geo/point.hpp"

namespace civic::reps {
namespace {

std::set<std::string> division_ids(const std::vector<geo::DistrictMatch>& matches) {
  std::set<std::string> ids;
  for (const auto& m : matches) {
    ids.insert(m.info->division_id);
  }
  return ids;
}

bool sits_in(const Seat& seat, const std::set<std::string>& ids) {
  if (seat.vacant()) {
    return ids.count(seat.division_id) != 0;
  }
  return std::any_of(seat.role.division_ids.begin(), seat.role.division_ids.end(),
                     [&](const auto& id) { return ids.count(id) != 0; });
}

bool represents(const Seat& seat, const geo::Location& location, const std::set<std::string>& cd,
                const std::set<std::string>& sldu, const std::set<std::string>& sldl) {
  switch (seat.role.chamber) {
    case Chamber::senate:
      return true;
    case Chamber::executive:
      return seat.role.title == "Governor" || seat.role.title == "Mayor";
    case Chamber::house:
      return sits_in(seat, cd);
    case Chamber::upper:
      return location.legislative_known && sits_in(seat, sldu);
    case Chamber::lower:
      return location.legislative_known && sits_in(seat, sldl);
  }
  return false;
}

// The index of the office nearest `point`, and its distance in km.
std::optional<std::pair<std::size_t, double>> nearest_office(const Official& holder, geo::LatLon point) {
  std::optional<std::pair<std::size_t, double>> nearest;
  const auto& offices = holder.offices;
  for (std::size_t i = 0; i < offices.size(); ++i) {
    if (!offices[i].lat || !offices[i].lon) {
      continue;
    }
    const double km = geo::distance_m(point, {*offices[i].lat, *offices[i].lon}) / 1000.0;
    if (!nearest || km < nearest->second) {
      nearest = {i, km};
    }
  }
  return nearest;
}

void find_nearest_office(LocatedSeat& located, geo::LatLon point) {
  if (const auto nearest = nearest_office(*located.seat.holder, point)) {
    located.nearest_office = nearest->first;
    located.nearest_office_km = nearest->second;
  }
}

bool wanted(const Seat& seat, const SeatQuery& filter) {
  return (!filter.chamber || *filter.chamber == seat.role.chamber) &&
         (!filter.level || *filter.level == seat.role.level);
}

// The seats among `seats` that represent the place and that the filter wants.
std::vector<const Seat*> wanted_seats(const std::vector<Seat>& seats, const geo::Location& location,
                                      const SeatQuery& filter) {
  const auto cd = division_ids(location.cd);
  const auto sldu = division_ids(location.sldu);
  const auto sldl = division_ids(location.sldl);
  std::vector<const Seat*> out;
  for (const auto& seat : seats) {
    if (wanted(seat, filter) && represents(seat, location, cd, sldu, sldl)) {
      out.push_back(&seat);
    }
  }
  return out;
}

std::vector<LocatedSeat> select(const std::vector<Seat>& seats, const geo::Location& location,
                                const SeatQuery& filter) {
  std::vector<LocatedSeat> out;
  for (const auto* seat : wanted_seats(seats, location, filter)) {
    LocatedSeat located{*seat, std::nullopt, std::nullopt};
    if (location.point && seat->holder) {
      find_nearest_office(located, *location.point);
    }
    out.push_back(std::move(located));
  }
  return out;
}

// The districts whose seats the filter can want: a federal query needs no
// state district (and the seat cache, keyed by districts, then meets the
// same few hundred keys instead of one per state district pair).
std::set<std::string> place_ids(const geo::Location& location, const SeatQuery& filter) {
  std::set<std::string> ids;
  if (filter.level != Level::state) {
    ids = division_ids(location.cd);
  }
  if (location.legislative_known && filter.level != Level::federal) {
    ids.merge(division_ids(location.sldu));
    ids.merge(division_ids(location.sldl));
  }
  return ids;
}

std::string districts_key(const std::string& state, const std::set<std::string>& ids) {
  std::string key = state;
  for (const auto& id : ids) {
    key += "|" + id;
  }
  return key;
}

}  // namespace

std::vector<LocatedSeat> seats_for_location(SQLite::Database& db, const geo::Location& location,
                                            const SeatQuery& filter) {
  if (location.state.empty()) {
    return {};
  }
  return select(find_place_seats(db, location.state, place_ids(location, filter)), location, filter);
}

const std::vector<Seat>& SeatCache::seats(SQLite::Database& db, const std::string& state,
                                          const std::set<std::string>& ids) {
  const auto key = districts_key(state, ids);
  auto it = m_seats.find(key);
  if (it == m_seats.end()) {
    it = m_seats.emplace(key, find_place_seats(db, state, ids)).first;
  }
  return it->second;
}

std::vector<SeatRef> SeatCache::located(SQLite::Database& db, const geo::Location& location,
                                        const SeatQuery& filter) {
  if (location.state.empty()) {
    return {};
  }
  // Which seats represent the place depends on its districts alone, all of
  // them in the key (a congressional and a state district never share an
  // id); the filter is the same for every place of a bulk run, but is part
  // of the key all the same.
  const auto ids = place_ids(location, filter);
  auto key = districts_key(location.state, ids);
  key += fmt::format("#{}#{}", filter.level ? static_cast<int>(*filter.level) : -1,
                     filter.chamber ? static_cast<int>(*filter.chamber) : -1);
  auto it = m_wanted.find(key);
  if (it == m_wanted.end()) {
    it = m_wanted.emplace(std::move(key), wanted_seats(seats(db, location.state, ids), location, filter)).first;
  }
  std::vector<SeatRef> out;
  out.reserve(it->second.size());
  for (const auto* seat : it->second) {
    SeatRef ref{seat, std::nullopt};
    if (location.point && seat->holder) {
      if (const auto nearest = nearest_office(*seat->holder, *location.point)) {
        ref.nearest_office = nearest->first;
      }
    }
    out.push_back(ref);
  }
  return out;
}

}  // namespace civic::reps
