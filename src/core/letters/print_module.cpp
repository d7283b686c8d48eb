#include "core/letters/print_module.hpp"

#include "core/modules.hpp"

namespace civic::letters {

const PrintModule& print_module() {
  return *static_cast<const PrintModule*>(modules::load("libcivic_print.so", "civic_print_module"));
}

}  // namespace civic::letters
