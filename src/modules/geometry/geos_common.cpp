// GEOS helpers shared by the civic_geometry module's files.
#include "modules/geometry/geos_common.hpp"

#include "core/error.hpp"

namespace civic::geo::geos {

GEOSContextHandle_t context() {
  struct Context {
    GEOSContextHandle_t handle = GEOS_init_r();
    ~Context() { GEOS_finish_r(handle); }
  };
  thread_local Context ctx;
  return ctx.handle;
}

Geometry read_wkb(std::string_view wkb) {
  struct Reader {
    GEOSWKBReader* handle = GEOSWKBReader_create_r(context());
    ~Reader() { GEOSWKBReader_destroy_r(context(), handle); }
  };
  thread_local Reader reader;
  Geometry geometry(GEOSWKBReader_read_r(context(), reader.handle, reinterpret_cast<const unsigned char*>(wkb.data()),
                                         wkb.size()));
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

}  // namespace civic::geo::geos
