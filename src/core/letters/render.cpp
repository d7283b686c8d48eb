#include "core/letters/render.hpp"

#include "core/error.hpp"
#include "core/letters/eml.hpp"
#include "core/modules/print.hpp"

namespace civic::letters {

std::string render(const LetterDocument& doc, LetterFormat format, const RenderContext& context) {
  switch (format) {
    case LetterFormat::txt: return to_text(doc);
    case LetterFormat::md: return to_markdown(doc);
    case LetterFormat::eml: return to_eml(doc, context.date, context.sender_id);
    case LetterFormat::html:
    case LetterFormat::pdf: break;
  }
  return render(std::vector<LetterDocument>{doc}, format, context);
}

std::string render(const std::vector<LetterDocument>& docs, LetterFormat format, const RenderContext& context) {
  switch (format) {
    case LetterFormat::html: return to_html(docs);
    case LetterFormat::pdf:
      return print_module().letters_pdf(docs, std::string(context.title), std::string(context.date));
    case LetterFormat::eml:
      if (docs.size() != 1) {
        throw Error("an email file holds one letter, not " + std::to_string(docs.size()));
      }
      return render(docs.front(), format, context);
    case LetterFormat::txt:
    case LetterFormat::md: break;
  }
  std::string out;
  for (const auto& doc : docs) {
    if (!out.empty()) {
      out += format == LetterFormat::md ? "\n---\n\n" : "\f\n";  // a page break between letters
    }
    out += render(doc, format, context);
  }
  return out;
}

RenderedLetter render_letter(LetterRenderer& renderer, PlannedLetter&& planned,
                             const std::vector<LetterFormat>& formats, const RenderContext& context) {
  RenderedLetter letter;
  letter.meta = std::move(planned.meta);
  try {
    letter.doc = compose(renderer, *planned.from, letter.meta.target->recipient);
  } catch (const Error& e) {
    letter.error = e.what();
    return letter;
  }
  letter.from = std::move(planned.from);
  auto own = context;
  own.sender_id = letter.meta.supporter_id;
  for (const auto format : formats) {
    letter.files.push_back({format, "", render(letter.doc, format, own), ""});
  }
  return letter;
}

}  // namespace civic::letters
