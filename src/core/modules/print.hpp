#pragma once
// The civic_print module: cairo and pango, for letters as PDF (see loader.hpp).

#include <string>
#include <vector>

#include "core/letters/document.hpp"

namespace civic::letters {

namespace module_impl {  // defined in the civic_print module
// One US Letter PDF holding every letter, each starting on a new page.
// Postal letters put the recipient's block where a #10 window envelope
// shows it. `created` (YYYY-MM-DD) is the PDF's creation date, so the same
// letters make the same bytes.
std::string letters_pdf(const std::vector<LetterDocument>& docs, const std::string& title, const std::string& created);
}  // namespace module_impl

struct PrintModule {
  decltype(&module_impl::letters_pdf) letters_pdf;
};

const PrintModule& print_module();

}  // namespace civic::letters
