#pragma once
// Points on the earth and the distances between them.

#include <optional>
#include <string>
#include <string_view>

namespace civic::geo {

struct LatLon {
  double lat = 0;
  double lon = 0;
};

struct Bounds {
  double min_lon = 0;
  double min_lat = 0;
  double max_lon = 0;
  double max_lat = 0;
};

// "47.6,-122.3" (a comma, optional spaces); nullopt when malformed or out
// of range.
std::optional<LatLon> parse_latlon(std::string_view text);

// A latitude in -90..90 and a longitude in -180..180 (not NaN).
bool in_range(LatLon point);

// Great-circle distance in metres (haversine, mean earth radius).
double distance_m(LatLon a, LatLon b);

std::string format_latlon(LatLon point);  // "47.606200,-122.332100"

}  // namespace civic::geo
