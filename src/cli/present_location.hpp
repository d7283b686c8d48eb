#pragma once
// How a located place looks: its districts as text, JSON and CSV, the seats
// that represent it, and what --explain adds.

#include <string>
#include <vector>

#include "cli/output.hpp"
#include "core/clock.hpp"
#include "core/data/reference_db.hpp"
#include "core/geo/place.hpp"
#include "core/reps/for_location.hpp"

namespace civic::cli {

// The datasets named by --explain; empty when --explain was not given.
using ExplainData = std::vector<data::DatasetRecord>;

// Fields of a location, written into an object the caller opened.
void write_location_fields(JsonWriter& json, const geo::Location& location, const ExplainData& explain);
// Readable lines: the point, the districts, the notes (and the explanation).
std::string location_text(const geo::Location& location, const Palette& palette, const ExplainData& explain);

// `locate`: one place.
Record location_record(const geo::Location& location, const Palette& palette, const ExplainData& explain);

// `reps` for a place: the location, then its seats with the nearest office.
Listing located_seats_listing(const geo::Location& location, const std::vector<reps::LocatedSeat>& seats,
                              Date today, const Palette& palette, const ExplainData& explain);

// "5307;5308": GEOIDs joined as in CSV cells.
std::string joined_geoids(const std::vector<geo::DistrictMatch>& matches);

}  // namespace civic::cli
