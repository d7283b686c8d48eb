#include "core/geo/geometry_module.hpp"

#include "core/modules.hpp"

namespace civic::geo {

const GeometryModule& geometry_module() {
  // Loaded once (a failure is retried on the next call): bulk work asks
  // from every thread, for every piece of a mixed cell.
  static const auto& module =
      *static_cast<const GeometryModule*>(modules::load("libcivic_geometry.so", "civic_geometry_module"));
  return module;
}

}  // namespace civic::geo
