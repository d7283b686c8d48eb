// The civic_geometry module: district shapes through the GEOS C API (the
// reentrant functions, one context per thread).
#include <memory>

#include <geos_c.h>

#include "core/error.hpp"
#include "core/geo/geometry_module.hpp"
#include "core/modules.hpp"

namespace civic::geo {
namespace {

GEOSContextHandle_t context() {
  struct Context {
    GEOSContextHandle_t handle = GEOS_init_r();
    ~Context() { GEOS_finish_r(handle); }
  };
  thread_local Context ctx;
  return ctx.handle;
}

struct GeometryDeleter {
  void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(context(), g); }
};
struct PreparedDeleter {
  void operator()(const GEOSPreparedGeometry* g) const { GEOSPreparedGeom_destroy_r(context(), g); }
};
using Geometry = std::unique_ptr<GEOSGeometry, GeometryDeleter>;
using Prepared = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

Geometry read_wkb(std::string_view wkb) {
  GEOSWKBReader* reader = GEOSWKBReader_create_r(context());
  Geometry geometry(GEOSWKBReader_read_r(context(), reader, reinterpret_cast<const unsigned char*>(wkb.data()),
                                         wkb.size()));
  GEOSWKBReader_destroy_r(context(), reader);
  if (!geometry) {
    throw Error("unreadable geometry (bad WKB)");
  }
  return geometry;
}

std::string write_wkb(const GEOSGeometry* geometry) {
  GEOSWKBWriter* writer = GEOSWKBWriter_create_r(context());
  std::size_t size = 0;
  unsigned char* bytes = GEOSWKBWriter_write_r(context(), writer, geometry, &size);
  GEOSWKBWriter_destroy_r(context(), writer);
  std::string out(reinterpret_cast<const char*>(bytes), size);
  GEOSFree_r(context(), bytes);
  return out;
}

Geometry point(LatLon p) { return Geometry(GEOSGeom_createPointFromXY_r(context(), p.lon, p.lat)); }

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

Normalized normalize(std::string_view wkb) {
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
  out.wkb = write_wkb(geometry.get());
  return out;
}

class GeosShape final : public Shape {
public:
  explicit GeosShape(Geometry polygon) : m_polygon(std::move(polygon)) {}

  bool covers(LatLon p) const override {
    const auto pt = point(p);
    if (m_covers_calls++ == 0) {
      return GEOSCovers_r(context(), m_polygon.get(), pt.get()) == 1;
    }
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
    if (nearest == nullptr) {
      throw Error("cannot measure the distance to a district edge");
    }
    LatLon on_edge;
    GEOSCoordSeq_getXY_r(context(), nearest, 0, &on_edge.lon, &on_edge.lat);
    GEOSCoordSeq_destroy_r(context(), nearest);
    return distance_m(p, on_edge);
  }

private:
  Geometry m_polygon;
  mutable Geometry m_edge;
  mutable Prepared m_prepared_polygon;
  mutable Prepared m_prepared_edge;
  mutable int m_covers_calls = 0;
  mutable int m_distance_calls = 0;
};

std::unique_ptr<Shape> load_shape(std::string_view wkb) { return std::make_unique<GeosShape>(read_wkb(wkb)); }

}  // namespace
}  // namespace civic::geo

CIVIC_MODULE_ENTRY const void* civic_geometry_module() {
  static const civic::geo::GeometryModule module{civic::geo::normalize, civic::geo::load_shape};
  return &module;
}
