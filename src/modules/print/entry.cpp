// The entry point of the civic_print module (see core/modules/loader.hpp).
#include "core/modules/loader.hpp"
#include "core/modules/print.hpp"

CIVIC_MODULE_ENTRY const void* civic_print_module() {
  static const civic::letters::PrintModule module{civic::letters::module_impl::letters_pdf};
  return &module;
}
