#pragma once
// The civic_geometry module: GEOS (see loader.hpp). District
// boundaries are stored as WKB; this is what reads, repairs and queries them.

#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/geo/cells.hpp"
#include "core/geo/point.hpp"

namespace civic::geo {

// A district boundary ready for point queries. Containment always uses an
// index over the segments (GEOS prepared geometry); the distance to the
// edge scans the segments once, then indexes them from the second query on,
// so bulk work on a big polygon (Alaska has about 110,000 vertices) stays
// fast and a single lookup does not pay for an index it uses once.
class Shape {
public:
  virtual ~Shape() = default;
  // Inside or on the edge.
  virtual bool covers(LatLon point) const = 0;
  // Metres from `point` to the nearest point of the boundary line.
  virtual double edge_distance_m(LatLon point) const = 0;
  // The same when it is under `limit_m`, else infinity: cheaper, since
  // most edges are ruled out by their bounding box alone.
  virtual double edge_distance_within_m(LatLon point, double limit_m) const {
    const double d = edge_distance_m(point);
    return d < limit_m ? d : std::numeric_limits<double>::infinity();
  }
};

struct Normalized {
  std::string wkb;  // polygonal, valid
  Bounds bounds;
  bool repaired = false;  // the input was invalid (self-intersecting rings)
  int vertices = 0;
};

namespace module_impl {  // defined in the civic_geometry module
// Reads WKB, repairs an invalid polygon (make-valid, keeping only its
// polygons) and returns it with its bounds. Throws civic::Error when the
// bytes are not a polygon.
Normalized normalize(std::string_view wkb);
std::unique_ptr<Shape> load_shape(std::string_view wkb);
// A piece of a mixed cell: its polygon part and the district's own edge
// line near the cell (edge distances measure to the line, not to the cut).
std::unique_ptr<Shape> load_piece(std::string_view area_wkb, std::string_view edge_wkb);
// Builds the cell index of one layer (see cells.hpp), on every core.
CellIndex build_cells(const std::vector<CellShape>& shapes, const CellParams& params);
}  // namespace module_impl

struct GeometryModule {
  decltype(&module_impl::normalize) normalize;
  decltype(&module_impl::load_shape) load_shape;
  decltype(&module_impl::load_piece) load_piece;
  decltype(&module_impl::build_cells) build_cells;
};

const GeometryModule& geometry_module();

}  // namespace civic::geo
