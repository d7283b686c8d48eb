#pragma once
// The civic_files module: GDAL, libarchive and libxml2 (see core/modules.hpp).

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "core/data/xml.hpp"
#include "core/geo/vector_file.hpp"

namespace civic {
class CancelToken;
}

namespace civic::data {

struct FilesModule {
  void (*read_features)(std::string_view content, const std::string& name,
                        const std::function<void(const geo::Feature&)>& on_feature);
  void (*unpack_archive)(const std::filesystem::path& archive, const std::filesystem::path& dest,
                         const CancelToken& cancel);
  XmlElement (*parse_xml)(std::string_view content, const std::string& name);
};

const FilesModule& files_module();

}  // namespace civic::data
