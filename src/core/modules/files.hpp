#pragma once
// The civic_files module: GDAL, libarchive and libxml2 (see loader.hpp).

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

namespace module_impl {  // defined in the civic_files module
void read_features(std::string_view content, const std::string& name,
                   const std::function<void(const geo::Feature&)>& on_feature);
void unpack_archive(const std::filesystem::path& archive, const std::filesystem::path& dest,
                    const CancelToken& cancel);
XmlElement parse_xml_tree(std::string_view content, const std::string& name);
}  // namespace module_impl

struct FilesModule {
  decltype(&module_impl::read_features) read_features;
  decltype(&module_impl::unpack_archive) unpack_archive;
  decltype(&module_impl::parse_xml_tree) parse_xml;
};

const FilesModule& files_module();

}  // namespace civic::data
