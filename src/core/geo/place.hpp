#pragma once
// Where a place is, and which districts it lies in, from what the user
// gave: coordinates, a ZIP code, or an address (through the geocoder).
// Every answer says how it was found and how sure it is.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/geo/census.hpp"
#include "core/geo/locator.hpp"

namespace civic::geo {

enum class PointSource { input, census, zip };
std::string_view to_string(PointSource source);

struct Location {
  std::string input;  // as the user gave it
  PointSource source = PointSource::input;
  std::optional<LatLon> point;  // none from a ZIP code
  std::string state;
  std::vector<DistrictMatch> cd;
  std::vector<DistrictMatch> sldu;
  std::vector<DistrictMatch> sldl;
  std::vector<DistrictMatch> other_states;
  bool near_boundary = false;
  std::optional<double> nearest_edge_m;
  // False from a ZIP code alone: its state districts cannot be known.
  bool legislative_known = true;
  std::string zip;                    // the ZIP the districts came from
  std::optional<CensusMatch> census;  // the geocoder's answer, for --explain
  std::vector<std::string> notes;     // what a reader should know
};

// The note locate_zip adds; a caller that asks only about Congress drops it.
inline constexpr std::string_view k_legislative_unknown_note =
    "state legislative districts are unknown from a ZIP code alone; give an address or --latlon";

Location locate_point(Locator& locator, LatLon point, std::string input, PointSource source);

// Every congressional district the ZIP code's area touches; throws a usage
// error for a malformed ZIP and an Error for one with no area.
Location locate_zip(SQLite::Database& db, std::string_view zip, std::string input);

// Through the geocoder, or, when `census` is null (offline), through the
// ZIP code at the end of the address. Throws when neither works.
Location locate_address(const std::string& address, SQLite::Database& db, Locator& locator, CensusGeocoder* census);

// The five-digit ZIP code at the end of an address, if any.
std::optional<std::string> zip_of_address(std::string_view address);

// "WA-7", "AK-AL" for a congressional district GEOID.
std::string cd_label(const std::string& state, const std::string& geoid);

}  // namespace civic::geo
