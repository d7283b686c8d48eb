#include "core/modules/files.hpp"

#include "core/modules/loader.hpp"

namespace civic::data {

const FilesModule& files_module() {
  return modules::entries<FilesModule>("libcivic_files.so", "civic_files_module");
}

}  // namespace civic::data
