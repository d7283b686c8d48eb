// The entry point of the civic_files module (see core/modules.hpp).
#include "core/data/files_module.hpp"
#include "core/modules.hpp"

namespace civic::data {
void read_features(std::string_view content, const std::string& name,
                   const std::function<void(const geo::Feature&)>& on_feature);
void unpack_archive(const std::filesystem::path& archive, const std::filesystem::path& dest,
                    const CancelToken& cancel);
XmlElement parse_xml_tree(std::string_view content, const std::string& name);
}  // namespace civic::data

CIVIC_MODULE_ENTRY const void* civic_files_module() {
  static const civic::data::FilesModule module{civic::data::read_features, civic::data::unpack_archive,
                                                  civic::data::parse_xml_tree};
  return &module;
}
