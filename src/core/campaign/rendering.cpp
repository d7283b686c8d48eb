#include "core/campaign/rendering.hpp"

#include "core/campaign/deliveries.hpp"
#include "core/error.hpp"
#include "core/letters/print_module.hpp"

namespace civic::campaign {
namespace {

std::string render(const RenderedLetter& letter, const std::string& format, const RenderSettings& settings) {
  const auto& doc = letter.doc;
  if (format == "eml") {
    return to_eml(letter, settings.date);
  }
  if (format == "md") {
    return letters::to_markdown(doc);
  }
  if (format == "html") {
    return letters::to_html({doc});
  }
  if (format == "pdf") {
    return letters::print_module().letters_pdf({doc}, settings.title, settings.date);
  }
  return letters::to_text(doc);
}

}  // namespace

std::string bundle_stem(const reps::Official& official, const reps::Office* office, const std::string& office_kind) {
  auto stem = "bundles/" + letters::file_slug(official.name + "-" + official.id) + "-" + office_kind;
  if (office == nullptr) {
    return stem;
  }
  std::size_t same_kind = 0, same_city = 0, ordinal = 0;
  for (const auto& o : official.offices) {
    if (o.kind != office->kind) {
      continue;
    }
    ++same_kind;
    if (o.city == office->city) {
      ++same_city;
      ordinal = &o == office ? same_city : ordinal;
    }
  }
  if (same_kind > 1) {
    stem += "-" + letters::file_slug(office->city.empty() ? "office" : office->city);
  }
  if (same_city > 1) {
    stem += "-" + std::to_string(ordinal);
  }
  return stem;
}

RenderedLetter render_letter(letters::LetterRenderer& renderer, LetterJob&& job, const RenderSettings& settings) {
  RenderedLetter letter;
  letter.meta = std::move(job.meta);
  try {
    letter.doc = letters::compose(renderer, *job.from, letter.meta.target->recipient);
  } catch (const Error& e) {
    letter.error = e.what();
    return letter;
  }
  letter.from = std::move(job.from);
  if (!settings.files || !settings.campaign.letter_files) {
    return letter;
  }
  const auto folder = letters::file_slug(letter.meta.supporter_id) + "/" + letter.doc.file_stem + ".";
  for (const auto format : settings.campaign.formats) {
    const std::string name(to_string(format));
    letter.files.push_back({name, folder + name, render(letter, name, settings), ""});
  }
  return letter;
}

}  // namespace civic::campaign
