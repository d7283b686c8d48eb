#pragma once
// A letter template (Mustache), checked before use: every tag is matched
// against the placeholder vocabulary, with the file, line and column of
// anything wrong and the closest known name. Values are inserted as they
// are, never read as templates, and never escaped here: the output format
// escapes the whole text (HTML) or needs nothing (text).

#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "core/letters/letter.hpp"
#include "core/templates/sources.hpp"

namespace civic::letters {

class LetterTemplate {
public:
  // Throws a usage Error naming file:line:column when the template is not valid.
  static LetterTemplate compile(const templates::SourceFile& file);

  // The text of one letter. Throws an Error naming the template when the
  // Mustache engine refuses it.
  std::string render(const LetterInput& input) const;

  // The sender fields the template prints unconditionally ("name",
  // "address_line", "email", "phone"): they must be given.
  const std::set<std::string>& required_sender_fields() const;
  // The supporter.<field> names it uses, which a campaign must map.
  const std::set<std::string>& supporter_fields() const;
  const std::string& origin() const;

private:
  friend class LetterRenderer;
  struct Impl;
  std::shared_ptr<Impl> m_impl;
};

// Renders the many letters of one run, which share a bill, stance and date:
// that part of the template's data is built once, and each recipient's once.
// One per thread.
class LetterRenderer {
public:
  // `shared` gives the bill, stance and date of every letter it renders.
  LetterRenderer(const LetterTemplate& letter_template, const LetterInput& shared);
  ~LetterRenderer();
  LetterRenderer(LetterRenderer&&) noexcept;
  LetterRenderer& operator=(LetterRenderer&&) = delete;

  // The text of one letter with the shared bill, stance and date.
  std::string render(const LetterInput& input) { return render(input, input.recipient); }
  // The same to `recipient`, whatever input.recipient says: one writer's
  // input serves all their letters.
  std::string render(const LetterInput& input, const Recipient& recipient);

private:
  struct State;
  std::unique_ptr<State> m_state;
};

// `file` when given; else the channel's template (letters/<channel>.mustache)
// from the user's templates folder, or the shipped one. Throws when none.
templates::SourceFile letter_template_source(const std::filesystem::path& templates_dir, Channel channel,
                                             const std::optional<std::filesystem::path>& file);
// The same, compiled.
LetterTemplate load_letter_template(const std::filesystem::path& templates_dir, Channel channel,
                                    const std::optional<std::filesystem::path>& file);

struct TemplateUse {
  std::set<std::string> required_sender_fields;
  std::set<std::string> supporter_fields;
};
// Checks `file` and says which fields it needs; throws like compile().
TemplateUse check_template(const templates::SourceFile& file);

}  // namespace civic::letters
