// The entry point of the civic_print module (see core/modules.hpp).
#include "core/letters/print_module.hpp"
#include "core/modules.hpp"

namespace civic::letters {
std::string letters_pdf(const std::vector<LetterDocument>& docs, const std::string& title,
                        const std::string& created);
}  // namespace civic::letters

CIVIC_MODULE_ENTRY const void* civic_print_module() {
  static const civic::letters::PrintModule module{civic::letters::letters_pdf};
  return &module;
}
