#include "core/modules/print.hpp"

#include "core/modules/loader.hpp"

namespace civic::letters {

const PrintModule& print_module() {
  return modules::entries<PrintModule>("libcivic_print.so", "civic_print_module");
}

}  // namespace civic::letters
