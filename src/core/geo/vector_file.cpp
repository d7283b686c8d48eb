#include "core/geo/vector_file.hpp"

#include "core/modules/files.hpp"

namespace civic::geo {

void read_features(std::string_view content, const std::string& name,
                   const std::function<void(const Feature&)>& on_feature) {
  data::files_module().read_features(content, name, on_feature);
}

}  // namespace civic::geo
