#pragma once
// GEOS handles for the civic_geometry module: one context per thread,
// owning pointers, WKB in and out.

#include <memory>
#include <string>
#include <string_view>

#include <geos_c.h>

namespace civic::geo::geos {

GEOSContextHandle_t context();

struct GeometryDeleter {
  void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(context(), g); }
};
struct PreparedDeleter {
  void operator()(const GEOSPreparedGeometry* g) const { GEOSPreparedGeom_destroy_r(context(), g); }
};
using Geometry = std::unique_ptr<GEOSGeometry, GeometryDeleter>;
using Prepared = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

// Throws civic::Error on bytes that are not WKB.
Geometry read_wkb(std::string_view wkb);
std::string write_wkb(const GEOSGeometry* geometry);

}  // namespace civic::geo::geos
