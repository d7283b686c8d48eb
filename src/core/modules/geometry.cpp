#include "core/modules/geometry.hpp"

#include "core/modules/loader.hpp"

namespace civic::geo {

const GeometryModule& geometry_module() {
  return modules::entries<GeometryModule>("libcivic_geometry.so", "civic_geometry_module");
}

}  // namespace civic::geo
