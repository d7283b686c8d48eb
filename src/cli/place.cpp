#include "cli/place.hpp"

#include <algorithm>

#include <CLI/CLI.hpp>

#include "cli/runtime.hpp"
#include "core/data/reference_db.hpp"
#include "core/error.hpp"
#include "core/me.hpp"
#include "core/util/text.hpp"

namespace civic::cli {

std::string PlaceOptions::address_text() const { return text::join(address, " "); }

void add_place_options(CLI::App& command, PlaceOptions& options) {
  command.add_option("address", options.address,
                     "a street address, sent to the Census Geocoder (quotes optional)");
  command.add_option("--latlon", options.latlon, "coordinates: LAT,LON (decimal degrees)");
  command.add_option("--zip", options.zip, "a five-digit ZIP code: every district it touches");
  command.add_flag("--me", options.me, "your own place, as set with 'civic me set'");
  command.add_flag("--offline", options.offline, "send nothing over the network: an address falls back to its ZIP");
  command.add_flag("--no-cache", options.no_cache, "ask the geocoder again instead of using its cached answers");
  command.add_flag("--explain", options.explain, "say which data answered and how the point was found");
}

geo::Location PlaceResolver::resolve_me(const PlaceOptions& options) {
  const auto me = load_me(m_rt.me_path());
  if (!me.has_place()) {
    throw usage_error("no place of your own is set")
        .hint("set it with 'civic me set ADDRESS', 'civic me set --latlon LAT,LON' or 'civic me set --zip ZIP'");
  }
  PlaceOptions mine = options;
  mine.me = false;
  if (!me.latlon.empty()) {
    mine.latlon = me.latlon;
  } else if (!me.address.empty()) {
    mine.address = {me.address};
  } else {
    mine.zip = me.zip;
  }
  auto location = resolve(mine);
  location.input = "me: " + location.input;
  // A pinned district settles a ZIP code that spans several.
  if (!me.cd.empty() && location.cd.size() > 1) {
    const auto pinned = std::find_if(location.cd.begin(), location.cd.end(),
                                     [&](const auto& m) { return m.info->geoid == me.cd; });
    if (pinned != location.cd.end()) {
      auto kept = *pinned;
      location.cd = {kept};
      location.near_boundary = false;
      std::erase_if(location.notes, [](const std::string& note) { return note.find(" spans ") != std::string::npos; });
      location.notes.insert(location.notes.begin(), "congressional district " + geo::cd_label(kept.info->state,
                                                                                               kept.info->geoid) +
                                                        " pinned with 'civic me set --cd " + me.cd + "'");
    }
  }
  return location;
}

geo::BulkOptions bulk_options(Runtime& rt, geo::CensusGeocoder* geocoder) {
  geo::BulkOptions options;
  options.geocoder = geocoder;
  options.open_database = [path = rt.reference_path()] {
    return std::make_unique<SQLite::Database>(data::open_reference(path));
  };
  return options;
}

std::unique_ptr<geo::CensusGeocoder> make_geocoder(Runtime& rt, GeocoderCache cache) {
  geo::CensusOptions census;
  census.base_url = rt.config().string("geocoder.census_url");
  census.retries = static_cast<int>(rt.config().integer("geocoder.retries"));
  if (cache == GeocoderCache::use) {
    census.cache_dir = rt.cache_dir();
  }
  return std::make_unique<geo::CensusGeocoder>(rt.env().http, std::move(census));
}

PlaceResolver::PlaceResolver(Runtime& rt, const PlaceOptions& options)
    : m_rt(rt),
      m_locator(rt.reference()),
      m_geocoder(options.offline ? nullptr : make_geocoder(rt, options.no_cache ? GeocoderCache::skip : GeocoderCache::use)) {}

geo::Location PlaceResolver::resolve(const PlaceOptions& options) {
  const int given = (options.address.empty() ? 0 : 1) + (options.latlon ? 1 : 0) + (options.zip ? 1 : 0) +
                    (options.me ? 1 : 0);
  if (given != 1) {
    throw usage_error("name one place: an address, --latlon, --zip or --me")
        .hint("for example: --latlon 47.6062,-122.3321 or --zip 98101");
  }
  if (options.me) {
    return resolve_me(options);
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
