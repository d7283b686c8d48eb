#include "core/geo/point.hpp"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "core/util/text.hpp"

namespace civic::geo {
namespace {

std::optional<double> parse_number(std::string_view text) {
  text = text::trim(text);
  double value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::optional<LatLon> parse_latlon(std::string_view text) {
  const auto comma = text.find(',');
  if (comma == std::string_view::npos) {
    return std::nullopt;
  }
  const auto lat = parse_number(text.substr(0, comma));
  const auto lon = parse_number(text.substr(comma + 1));
  if (!lat || !lon || !in_range({*lat, *lon})) {
    return std::nullopt;
  }
  return LatLon{*lat, *lon};
}

bool in_range(LatLon point) {
  return point.lat >= -90 && point.lat <= 90 && point.lon >= -180 && point.lon <= 180;  // false for NaN
}

double distance_m(LatLon a, LatLon b) {
  constexpr double k_earth_radius_m = 6371008.8;
  constexpr double k_radians = M_PI / 180.0;
  const double dlat = (b.lat - a.lat) * k_radians;
  const double dlon = (b.lon - a.lon) * k_radians;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.lat * k_radians) * std::cos(b.lat * k_radians) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * k_earth_radius_m * std::asin(std::min(1.0, std::sqrt(h)));
}

std::string format_latlon(LatLon point) { return fmt::format("{:.6f},{:.6f}", point.lat, point.lon); }

}  // namespace civic::geo
