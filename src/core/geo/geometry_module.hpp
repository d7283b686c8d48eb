#pragma once
// The civic_geometry module: GEOS (see core/modules.hpp). District
// boundaries are stored as WKB; this is what reads, repairs and queries them.

#include <memory>
#include <string>
#include <string_view>

#include "core/geo/point.hpp"

namespace civic::geo {

// A district boundary ready for point queries. The first query on a shape
// answers from the plain geometry; from the second on, it builds indexes
// over the segments (GEOS prepared geometry), so bulk work on a big
// polygon (Alaska has about 110,000 vertices) stays fast.
class Shape {
public:
  virtual ~Shape() = default;
  // Inside or on the edge.
  virtual bool covers(LatLon point) const = 0;
  // Metres from `point` to the nearest point of the boundary line.
  virtual double edge_distance_m(LatLon point) const = 0;
};

struct Normalized {
  std::string wkb;  // polygonal, valid
  Bounds bounds;
  bool repaired = false;  // the input was invalid (self-intersecting rings)
};

struct GeometryModule {
  // Reads WKB, repairs an invalid polygon (make-valid, keeping only its
  // polygons) and returns it with its bounds. Throws civic::Error when the
  // bytes are not a polygon.
  Normalized (*normalize)(std::string_view wkb);
  std::unique_ptr<Shape> (*load_shape)(std::string_view wkb);
};

const GeometryModule& geometry_module();

}  // namespace civic::geo
