// The entry point of the civic_files module (see core/modules/loader.hpp).
#include "core/modules/files.hpp"
#include "core/modules/loader.hpp"

CIVIC_MODULE_ENTRY const void* civic_files_module() {
  using namespace civic::data::module_impl;
  static const civic::data::FilesModule module{read_features, unpack_archive, parse_xml_tree};
  return &module;
}
