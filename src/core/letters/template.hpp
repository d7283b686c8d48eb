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
  const std::string& origin() const;

private:
  struct Impl;
  std::shared_ptr<Impl> m_impl;
};

// `file` when given; else the channel's template (letters/<channel>.mustache)
// from the user's templates folder, or the shipped one. Throws when none.
templates::SourceFile letter_template_source(const std::filesystem::path& templates_dir, Channel channel,
                                             const std::optional<std::filesystem::path>& file);
// The same, compiled.
LetterTemplate load_letter_template(const std::filesystem::path& templates_dir, Channel channel,
                                    const std::optional<std::filesystem::path>& file);

// Checks `file` and returns the sender fields it requires; throws like compile().
std::set<std::string> check_template(const templates::SourceFile& file);

}  // namespace civic::letters
