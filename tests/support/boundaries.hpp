#pragma once
// Small reference databases of made-up districts, for geometry tests:
// polygons given as rings of (lon, lat), written as WKB, repaired, cut into
// the cell index exactly as `civic data update` does.

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace civic::test {

using Ring = std::vector<std::pair<double, double>>;  // (lon, lat), closed or not
using Polygon = std::vector<Ring>;                   // outer ring, then holes

struct TestDistrict {
  std::string layer;  // cd | sldu | sldl
  std::string state;
  std::string geoid;
  std::vector<Polygon> parts;  // several for a multipolygon
};

// An axis-aligned box as a ring.
Ring box(double west, double south, double east, double north);

std::string wkb_of(const std::vector<Polygon>& parts);

// Writes reference.db at `path` holding these districts and their cells.
void write_boundary_db(const std::filesystem::path& path, const std::vector<TestDistrict>& districts);

}  // namespace civic::test
