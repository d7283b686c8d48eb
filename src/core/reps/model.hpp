#pragma once
// Officials and the seats they hold, as imported into reference.db and as
// read back. Every fact carries `source`: the dataset file it came from.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace civic::reps {

enum class Level { federal, state };
// senate/house are Congress; upper/lower the state legislature (a
// unicameral legislature or DC's council counts as upper); executive is
// the governor and other statewide offices.
enum class Chamber { senate, house, upper, lower, executive };

std::string_view to_string(Level level);
std::string_view to_string(Chamber chamber);
std::optional<Level> parse_level(std::string_view text);
std::optional<Chamber> parse_chamber(std::string_view text);
Level level_of(Chamber chamber);

struct Office {
  std::string kind;     // capitol | district | primary
  std::string name;     // "Cullman office", when the data names it
  std::string address;  // the whole postal address on one line
  std::string street;   // street lines without city, state and ZIP
  std::string city;
  std::string state;
  std::string zip;
  std::string phone;
  std::string fax;
  std::string hours;
  std::optional<double> lat;
  std::optional<double> lon;
  std::string source;
};

struct Link {
  std::string kind;  // website | contact_form | rss | other
  std::string url;
  std::string note;
  std::string source;
};

struct Social {
  std::string platform;  // twitter, facebook, youtube, instagram, ...
  std::string account;
  std::string source;
};

struct Identifier {
  std::string scheme;  // bioguide, govtrack, fec, openstates, votesmart, ...
  std::string value;
  std::string source;
};

struct Role {
  Level level = Level::state;
  std::string state;  // USPS code, upper case
  Chamber chamber = Chamber::lower;
  std::string district;      // as the data writes it; "" for statewide seats
  std::string district_key;  // normalised, see district_key.hpp
  std::string title;         // Senator, Representative, Delegate, Governor, ...
  std::string party;
  std::string start_date;
  std::string end_date;
  std::optional<int> senate_class;
  std::string state_rank;  // senior | junior
  // The districts it sits in, when the inventory has them: one, or more
  // where a district is split in subdistricts ("9" over "9a" and "9b").
  std::vector<std::string> division_ids;
  std::string source;
};

struct Official {
  std::string id;  // bioguide id, or ocd-person/<uuid>
  std::string name;
  std::string given_name;
  std::string family_name;
  std::string middle_name;
  std::string suffix;
  std::string nickname;
  std::string gender;
  std::string birthday;
  std::string party;
  std::string email;
  std::string image;
  std::string source;
  std::vector<Role> roles;
  std::vector<Office> offices;
  std::vector<Link> links;
  std::vector<Social> social;
  std::vector<Identifier> ids;
};

// A district in the inventory of seats (from the OCD division ids).
struct Division {
  std::string id;  // ocd-division/country:us/state:wa/sldl:24
  std::string state;
  Chamber chamber = Chamber::lower;
  std::string district;
  std::string district_key;
  std::string name;
  std::string census_geoid;
  std::string source;
};

// One seat of a listing: its role, and who holds it (nobody when vacant).
// Holders are shared: one official can hold several listed seats.
struct Seat {
  Role role;
  std::shared_ptr<const Official> holder;
  std::string division_id;  // the first of role.division_ids, or the vacant district
  int district_members = 1;  // > 1 in a multi-member district
  bool at_large = false;

  bool vacant() const { return holder == nullptr; }
};

}  // namespace civic::reps
