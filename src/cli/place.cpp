#include "cli/place.hpp"

#include <CLI/CLI.hpp>

#include "cli/runtime.hpp"
#include "core/error.hpp"
#include "core/util/text.hpp"

namespace civic::cli {

std::string PlaceOptions::address_text() const { return text::join(address, " "); }

void add_place_options(CLI::App& command, PlaceOptions& options) {
  command.add_option("address", options.address,
                     "a street address, sent to the Census Geocoder (quotes optional)");
  command.add_option("--latlon", options.latlon, "coordinates: LAT,LON (decimal degrees)");
  command.add_option("--zip", options.zip, "a five-digit ZIP code: every district it touches");
  command.add_flag("--offline", options.offline, "send nothing over the network: an address falls back to its ZIP");
  command.add_flag("--no-cache", options.no_cache, "ask the geocoder again instead of using its cached answers");
  command.add_flag("--explain", options.explain, "say which data answered and how the point was found");
}

std::unique_ptr<geo::CensusGeocoder> make_geocoder(Runtime& rt, bool no_cache) {
  geo::CensusOptions census;
  census.base_url = rt.config().string("geocoder.census_url");
  census.retries = static_cast<int>(rt.config().integer("geocoder.retries"));
  if (!no_cache) {
    census.cache_dir = rt.cache_dir();
  }
  return std::make_unique<geo::CensusGeocoder>(rt.env().http, std::move(census));
}

PlaceResolver::PlaceResolver(Runtime& rt, const PlaceOptions& options, geo::Locator::Mode mode)
    : m_rt(rt),
      m_locator(rt.reference(), mode),
      m_geocoder(options.offline ? nullptr : make_geocoder(rt, options.no_cache)) {}

geo::Location PlaceResolver::resolve(const PlaceOptions& options) {
  const int given = (options.address.empty() ? 0 : 1) + (options.latlon ? 1 : 0) + (options.zip ? 1 : 0);
  if (given != 1) {
    throw usage_error("name one place: an address, --latlon or --zip")
        .hint("for example: --latlon 47.6062,-122.3321 or --zip 98101");
  }
  if (options.latlon) {
    const auto point = geo::parse_latlon(*options.latlon);
    if (!point) {
      throw usage_error("--latlon '" + *options.latlon + "' is not LAT,LON in degrees")
          .hint("for example --latlon 47.6062,-122.3321 (latitude first, -90..90; longitude -180..180)");
    }
    return geo::locate_point(m_locator, *point, *options.latlon, geo::PointSource::input);
  }
  if (options.zip) {
    return geo::locate_zip(m_rt.reference(), *options.zip, *options.zip);
  }
  return geo::locate_address(options.address_text(), m_rt.reference(), m_locator, m_geocoder.get());
}

}  // namespace civic::cli
