#include "core/geo/geometry_module.hpp"

#include "core/modules.hpp"

namespace civic::geo {

const GeometryModule& geometry_module() {
  return *static_cast<const GeometryModule*>(modules::load("libcivic_geometry.so", "civic_geometry_module"));
}

}  // namespace civic::geo
