#include "core/geo/vector_file.hpp"

#include "core/io_module.hpp"

namespace civic::geo {

void read_features(std::string_view content, const std::string& name,
                   const std::function<void(const Feature&)>& on_feature) {
  io::module().read_features(content, name, on_feature);
}

}  // namespace civic::geo
