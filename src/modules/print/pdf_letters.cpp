// Letters as PDF with cairo and pango: US Letter, real fonts through
// fontconfig, text flowed line by line across pages.
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/modules/print.hpp"

namespace civic::letters {
namespace {

// US Letter in points (1/72 in).
constexpr double k_page_width = 612;
constexpr double k_page_height = 792;
constexpr double k_margin = 72;
constexpr double k_text_width = k_page_width - 2 * k_margin;
constexpr double k_sender_top = 54;
// A #10 window envelope (window 4.5 x 1.125 in, 7/8 in from the left and
// 1/2 in from the bottom) shows this part of a letter folded in thirds,
// wherever the letter settles in the envelope.
constexpr double k_window_top = 2.4 * 72;
constexpr double k_window_left = 1.0 * 72;
constexpr double k_window_width = 3.75 * 72;
// The body starts just below the first fold.
constexpr double k_body_top_first_page = 3.75 * 72;
constexpr double k_bottom = k_page_height - 54;
constexpr double k_fold_marks[] = {792.0 / 3, 2 * 792.0 / 3};
constexpr double k_paragraph_gap = 6;
constexpr const char* k_body_font = "DejaVu Serif 10.5";
constexpr const char* k_block_font = "DejaVu Serif 10";
constexpr const char* k_header_font = "DejaVu Sans 8";

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct SurfaceFree {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextFree {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct LayoutFree {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
struct FontFree {
  void operator()(PangoFontDescription* f) const { pango_font_description_free(f); }
};

// Font sizes in points: one PDF unit each (pango assumes a 96 dpi screen).
void in_points(PangoLayout* layout) {
  pango_cairo_context_set_resolution(pango_layout_get_context(layout), 72);
  pango_layout_context_changed(layout);
}

class PdfLetters {
public:
  PdfLetters(std::string& out, const std::string& title, const std::string& created)
      : m_surface(cairo_pdf_surface_create_for_stream(append, &out, k_page_width, k_page_height)),
        m_cr(cairo_create(m_surface.get())),
        m_layout(pango_cairo_create_layout(m_cr.get())) {
    cairo_pdf_surface_set_metadata(m_surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(m_surface.get(), CAIRO_PDF_METADATA_CREATOR, "civic");
    cairo_pdf_surface_set_metadata(m_surface.get(), CAIRO_PDF_METADATA_CREATE_DATE,
                                   (created + "T00:00:00Z").c_str());
    pango_layout_set_wrap(m_layout.get(), PANGO_WRAP_WORD_CHAR);
    in_points(m_layout.get());
  }

  void letter(const LetterDocument& doc) {
    if (m_pages > 0) {
      cairo_show_page(m_cr.get());
    }
    m_doc = &doc;
    m_page_of_letter = 1;
    ++m_pages;
    if (doc.channel == Channel::letter) {
      postal_frame(doc);
    } else {
      m_y = k_margin;
      if (doc.channel == Channel::email) {
        paragraph("To: " + doc.to + "\nSubject: " + doc.subject, k_block_font);
      }
    }
    std::size_t start = 0;
    while (start < doc.body.size()) {
      auto end = doc.body.find("\n\n", start);
      end = end == std::string::npos ? doc.body.size() : end;
      paragraph(doc.body.substr(start, end - start), k_body_font);
      start = end + 2;
    }
  }

  void finish() {
    cairo_surface_finish(m_surface.get());
    if (cairo_surface_status(m_surface.get()) != CAIRO_STATUS_SUCCESS) {
      throw Error(std::string("cannot write the PDF: ") + cairo_status_to_string(cairo_surface_status(m_surface.get())));
    }
  }

private:
  void postal_frame(const LetterDocument& doc) {
    m_y = k_sender_top;
    block(doc.sender_lines, k_margin, k_text_width);
    m_y += 6;
    block({doc.date}, k_margin, k_text_width);
    m_y = k_window_top;
    block(doc.recipient_lines, k_window_left, k_window_width);
    fold_marks();
    m_y = k_body_top_first_page;
  }

  void block(const std::vector<std::string>& lines, double x, double width) {
    std::string text;
    for (const auto& line : lines) {
      text += (text.empty() ? "" : "\n") + line;
    }
    set_text(text, k_block_font, width);
    pango_cairo_update_layout(m_cr.get(), m_layout.get());
    cairo_move_to(m_cr.get(), x, m_y);
    pango_cairo_show_layout(m_cr.get(), m_layout.get());
    int height = 0;
    pango_layout_get_size(m_layout.get(), nullptr, &height);
    m_y += static_cast<double>(height) / PANGO_SCALE;
  }

  void fold_marks() {
    cairo_save(m_cr.get());
    cairo_set_line_width(m_cr.get(), 0.5);
    cairo_set_source_rgb(m_cr.get(), 0.6, 0.6, 0.6);
    for (const double y : k_fold_marks) {
      cairo_move_to(m_cr.get(), 24, y);
      cairo_line_to(m_cr.get(), 36, y);
    }
    cairo_stroke(m_cr.get());
    cairo_restore(m_cr.get());
  }

  // Flows one paragraph, starting a new page (with a running header)
  // whenever the next line would cross the bottom margin.
  void paragraph(const std::string& text, const char* font) {
    set_text(text, font, k_text_width);
    pango_cairo_update_layout(m_cr.get(), m_layout.get());
    PangoLayoutIter* iter = pango_layout_get_iter(m_layout.get());
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      const double line_top = static_cast<double>(logical.y) / PANGO_SCALE;
      const double height = static_cast<double>(logical.height) / PANGO_SCALE;
      const double baseline = static_cast<double>(pango_layout_iter_get_baseline(iter)) / PANGO_SCALE - line_top;
      if (m_y + height > k_bottom) {
        continue_on_new_page();
      }
      cairo_move_to(m_cr.get(), k_margin, m_y + baseline);
      pango_cairo_show_layout_line(m_cr.get(), pango_layout_iter_get_line_readonly(iter));
      m_y += height;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    m_y += k_paragraph_gap;
  }

  void continue_on_new_page() {
    cairo_show_page(m_cr.get());
    ++m_pages;
    ++m_page_of_letter;
    PangoLayout* header = pango_cairo_create_layout(m_cr.get());
    in_points(header);
    std::unique_ptr<PangoFontDescription, FontFree> font(pango_font_description_from_string(k_header_font));
    pango_layout_set_font_description(header, font.get());
    const auto text = m_doc->official_name + (m_doc->date.empty() ? "" : ", " + m_doc->date) + ", page " +
                      std::to_string(m_page_of_letter);
    pango_layout_set_text(header, text.c_str(), -1);
    cairo_move_to(m_cr.get(), k_margin, k_margin - 30);
    pango_cairo_show_layout(m_cr.get(), header);
    g_object_unref(header);
    m_y = k_margin;
  }

  void set_text(const std::string& text, const char* font, double width) {
    std::unique_ptr<PangoFontDescription, FontFree> description(pango_font_description_from_string(font));
    pango_layout_set_font_description(m_layout.get(), description.get());
    pango_layout_set_width(m_layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_text(m_layout.get(), text.c_str(), static_cast<int>(text.size()));
  }

  std::unique_ptr<cairo_surface_t, SurfaceFree> m_surface;
  std::unique_ptr<cairo_t, ContextFree> m_cr;
  std::unique_ptr<PangoLayout, LayoutFree> m_layout;
  const LetterDocument* m_doc = nullptr;
  double m_y = 0;
  int m_pages = 0;
  int m_page_of_letter = 0;
};

}  // namespace

std::string module_impl::letters_pdf(const std::vector<LetterDocument>& docs, const std::string& title,
                        const std::string& created) {
  std::string out;
  {
    PdfLetters pdf(out, title, created);
    for (const auto& doc : docs) {
      pdf.letter(doc);
    }
    pdf.finish();
  }
  return out;
}

}  // namespace civic::letters
