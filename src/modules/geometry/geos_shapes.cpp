// The civic_geometry module: district shapes through the GEOS C API (the
// reentrant functions, one context per thread).
#include <algorithm>
#include <limits>
#include <memory>

#include "modules/geometry/geos_common.hpp"

#include "core/error.hpp"
#include "core/modules/geometry.hpp"
#include "core/modules/loader.hpp"

namespace civic::geo {
namespace {

using geos::context;
using geos::Geometry;
using geos::Prepared;
using geos::read_wkb;
using geos::write_wkb;

Geometry point(LatLon p) { return Geometry(GEOSGeom_createPointFromXY_r(context(), p.lon, p.lat)); }

// Metres from the point to the nearest point of a GEOS nearest-points
// answer (its first coordinate lies on the edge); takes ownership.
double metres_to_nearest(GEOSCoordSequence* nearest, LatLon p) {
  if (nearest == nullptr) {
    throw Error("cannot measure the distance to a district edge");
  }
  LatLon on_edge;
  GEOSCoordSeq_getXY_r(context(), nearest, 0, &on_edge.lon, &on_edge.lat);
  GEOSCoordSeq_destroy_r(context(), nearest);
  return distance_m(p, on_edge);
}

bool polygonal(const GEOSGeometry* g) {
  const int type = GEOSGeomTypeId_r(context(), g);
  return type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON;
}

// After make-valid a geometry may be a collection holding stray lines or
// points next to its polygons; keep the polygons.
Geometry polygons_only(Geometry geometry) {
  if (polygonal(geometry.get())) {
    return geometry;
  }
  const int count = GEOSGetNumGeometries_r(context(), geometry.get());
  std::vector<GEOSGeometry*> parts;
  for (int i = 0; i < count; ++i) {
    const GEOSGeometry* part = GEOSGetGeometryN_r(context(), geometry.get(), i);
    if (polygonal(part)) {
      parts.push_back(GEOSGeom_clone_r(context(), part));
    }
  }
  if (parts.empty()) {
    throw Error("the geometry has no polygon");
  }
  return Geometry(GEOSUnaryUnion_r(context(), Geometry(GEOSGeom_createCollection_r(
                                                          context(), GEOS_GEOMETRYCOLLECTION, parts.data(),
                                                          static_cast<unsigned>(parts.size())))
                                                          .get()));
}

}  // namespace

Normalized module_impl::normalize(std::string_view wkb) {
  auto geometry = read_wkb(wkb);
  Normalized out;
  if (GEOSisValid_r(context(), geometry.get()) != 1) {
    GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(context());
    GEOSMakeValidParams_setMethod_r(context(), params, GEOS_MAKE_VALID_STRUCTURE);
    GEOSMakeValidParams_setKeepCollapsed_r(context(), params, 0);
    Geometry repaired(GEOSMakeValidWithParams_r(context(), geometry.get(), params));
    GEOSMakeValidParams_destroy_r(context(), params);
    if (!repaired) {
      throw Error("the geometry is invalid and could not be repaired");
    }
    geometry = std::move(repaired);
    out.repaired = true;
  }
  geometry = polygons_only(std::move(geometry));
  GEOSGeom_getXMin_r(context(), geometry.get(), &out.bounds.min_lon);
  GEOSGeom_getYMin_r(context(), geometry.get(), &out.bounds.min_lat);
  GEOSGeom_getXMax_r(context(), geometry.get(), &out.bounds.max_lon);
  GEOSGeom_getYMax_r(context(), geometry.get(), &out.bounds.max_lat);
  out.vertices = GEOSGetNumCoordinates_r(context(), geometry.get());
  out.wkb = write_wkb(geometry.get());
  return out;
}

namespace {

class GeosShape final : public Shape {
public:
  explicit GeosShape(Geometry polygon) : m_polygon(std::move(polygon)) {}

  // Prepared even for one query: plain GEOSCovers computes a full relate
  // matrix, noding every segment (170 million instructions for Alaska).
  bool covers(LatLon p) const override {
    const auto pt = point(p);
    if (!m_prepared_polygon) {
      m_prepared_polygon.reset(GEOSPrepare_r(context(), m_polygon.get()));
    }
    return GEOSPreparedCovers_r(context(), m_prepared_polygon.get(), pt.get()) == 1;
  }

  double edge_distance_m(LatLon p) const override {
    if (!m_edge) {
      m_edge.reset(GEOSBoundary_r(context(), m_polygon.get()));
    }
    const auto pt = point(p);
    GEOSCoordSequence* nearest = nullptr;
    if (m_distance_calls++ == 0) {
      nearest = GEOSNearestPoints_r(context(), m_edge.get(), pt.get());
    } else {
      if (!m_prepared_edge) {
        m_prepared_edge.reset(GEOSPrepare_r(context(), m_edge.get()));
      }
      nearest = GEOSPreparedNearestPoints_r(context(), m_prepared_edge.get(), pt.get());
    }
    return metres_to_nearest(nearest, p);
  }

private:
  Geometry m_polygon;
  mutable Geometry m_edge;
  mutable Prepared m_prepared_polygon;
  mutable Prepared m_prepared_edge;
  mutable int m_distance_calls = 0;
};

// A small part of a district near a cell: its polygon cut to the cell and
// the district's real edge line there.
class GeosPiece final : public Shape {
public:
  GeosPiece(Geometry area, Geometry edge) : m_area(std::move(area)), m_edge(std::move(edge)) {
    m_empty_edge = GEOSisEmpty_r(context(), m_edge.get()) == 1;
    if (!m_empty_edge) {
      GEOSGeom_getXMin_r(context(), m_edge.get(), &m_box.min_lon);
      GEOSGeom_getYMin_r(context(), m_edge.get(), &m_box.min_lat);
      GEOSGeom_getXMax_r(context(), m_edge.get(), &m_box.max_lon);
      GEOSGeom_getYMax_r(context(), m_edge.get(), &m_box.max_lat);
    }
  }

  // Prepared: even on a few dozen vertices GEOSCovers builds a full relate
  // graph, and preparing costs less than one such call.
  bool covers(LatLon p) const override {
    if (!m_prepared) {
      m_prepared.reset(GEOSPrepare_r(context(), m_area.get()));
    }
    return GEOSPreparedCovers_r(context(), m_prepared.get(), point(p).get()) == 1;
  }

  double edge_distance_m(LatLon p) const override {
    if (m_empty_edge) {
      return std::numeric_limits<double>::infinity();  // no edge within the cell's margin
    }
    return metres_to_nearest(GEOSNearestPoints_r(context(), m_edge.get(), point(p).get()), p);
  }

  double edge_distance_within_m(LatLon p, double limit_m) const override {
    if (m_empty_edge) {
      return std::numeric_limits<double>::infinity();
    }
    // The nearest point of the box is no farther than the nearest edge.
    const LatLon box_point{std::clamp(p.lat, m_box.min_lat, m_box.max_lat),
                           std::clamp(p.lon, m_box.min_lon, m_box.max_lon)};
    if (distance_m(p, box_point) >= limit_m) {
      return std::numeric_limits<double>::infinity();
    }
    const double d = edge_distance_m(p);
    return d < limit_m ? d : std::numeric_limits<double>::infinity();
  }

private:
  Geometry m_area;
  Geometry m_edge;
  bool m_empty_edge = true;
  Bounds m_box;
  mutable Prepared m_prepared;
};

}  // namespace

std::unique_ptr<Shape> module_impl::load_shape(std::string_view wkb) {
  return std::make_unique<GeosShape>(read_wkb(wkb));
}

std::unique_ptr<Shape> module_impl::load_piece(std::string_view area_wkb, std::string_view edge_wkb) {
  return std::make_unique<GeosPiece>(read_wkb(area_wkb), read_wkb(edge_wkb));
}

}  // namespace civic::geo

CIVIC_MODULE_ENTRY const void* civic_geometry_module() {
  using namespace civic::geo::module_impl;
  static const civic::geo::GeometryModule module{normalize, load_shape, load_piece, build_cells};
  return &module;
}
