#include "core/letters/one_sender.hpp"

#include "core/error.hpp"
#include "core/letters/record.hpp"
#include "core/letters/render.hpp"
#include "core/letters/write.hpp"

namespace civic::letters {
namespace {

std::vector<PlannedLetter> plan_letters(const LetterRequest& request, const LetterDeps& deps, bool& skipped) {
  Planner planner({deps.reference, *request.bill, request.stance, request.channel, request.date, request.office,
                   request.level, deps.letter_template, request.named});
  auto plan = planner.plan(request.sender, request.place);
  for (const auto& event : plan.events) {
    skipped = skipped || event.kind == PlanEvent::Kind::no_postal_address;
    if (deps.on_event) {
      deps.on_event(event);
    }
  }
  return std::move(plan.letters);
}

}  // namespace

LetterResult write_letters(const LetterRequest& request, const LetterDeps& deps) {
  LetterResult result;
  auto planned = plan_letters(request, deps, result.skipped);
  if (planned.empty()) {
    throw Error("no letter to write: no official with an address at this place");
  }
  // Composed first, all of them: a letter that cannot be (a web-form
  // message too long) stops the command before anything is written.
  LetterInput shared;
  shared.bill = request.bill;
  shared.stance = request.stance;
  shared.channel = request.channel;
  shared.date = request.date;
  LetterRenderer renderer(deps.letter_template, shared);
  std::vector<RenderedLetter> letters;
  for (auto& planned_letter : planned) {
    RenderedLetter letter;
    letter.doc = compose(renderer, *planned_letter.from, planned_letter.meta.target->recipient);
    letter.meta = std::move(planned_letter.meta);
    letter.from = std::move(planned_letter.from);
    letters.push_back(std::move(letter));
  }
  SQLite::Database* journal = request.log == LogLetters::yes ? &deps.journal() : nullptr;

  const auto date = format_date(request.date);
  const auto title = request.bill->id.display() + ": " + std::string(to_string(request.stance));
  const RenderContext context{title, date, ""};
  std::vector<std::string> paths;
  if (request.out_dir) {
    for (auto& letter : letters) {
      letter.files.push_back({request.format, "", render(letter.doc, request.format, context), ""});
    }
    result.files = write_letter_files(letters, *request.out_dir);
    for (const auto& path : result.files) {
      paths.push_back(path.string());
    }
  } else {
    std::vector<LetterDocument> docs;
    for (const auto& letter : letters) {
      docs.push_back(letter.doc);
    }
    result.stream = render(docs, request.format, context);
  }
  if (journal != nullptr) {
    result.logged = drafted_contacts(letters, paths, deps.now_utc);
    journal::add_contacts(*journal, result.logged, deps.now_utc);
  }
  return result;
}

}  // namespace civic::letters
