// The check behind LetterTemplate::compile. The Mustache engine reports
// neither positions nor unknown names (an unknown name renders as nothing),
// so tags are scanned here, with their line and column.
#include <algorithm>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/letters/placeholders.hpp"
#include "core/letters/template.hpp"
#include "core/util/text.hpp"

namespace civic::letters {
namespace {

// A letter template is a page or two of text with its tags; past these
// limits the engine's time and memory grow with the nesting and the size.
constexpr std::size_t k_largest_template = 64 * 1024;
constexpr std::size_t k_deepest_nesting = 16;

struct Position {
  std::size_t line = 1;
  std::size_t column = 1;
};

struct OpenSection {
  std::string name;  // resolved: "bill.talking_points"
  bool inverted = false;
  Position at;
};

class Checker {
public:
  explicit Checker(const templates::SourceFile& file) : m_file(file) {}

  TemplateUse run() {
    const std::string_view text = m_file.text;
    if (text.size() > k_largest_template) {
      advance_to(k_largest_template);
      throw fail(m_at,
                 "the template is " + std::to_string(text.size()) + " bytes; here it passes the " +
                     std::to_string(k_largest_template) + " a template may have",
                 "a letter template is a page or two of text");
    }
    std::size_t pos = 0;
    while ((pos = text.find("{{", pos)) != std::string_view::npos) {
      advance_to(pos);
      const bool triple = text.substr(pos, 3) == "{{{";
      const std::string_view close = triple ? "}}}" : "}}";
      const auto end = text.find(close, pos + (triple ? 3 : 2));
      if (end == std::string_view::npos) {
        throw fail(m_at, "this tag is never closed with " + std::string(close), "");
      }
      tag(text.substr(pos + (triple ? 3 : 2), end - pos - (triple ? 3 : 2)), triple ? Braces::three : Braces::two);
      pos = end + close.size();
    }
    if (!m_sections.empty()) {
      const auto& open = m_sections.back();
      throw fail(open.at, "section '" + open.name + "' is never closed",
                 "end it with {{/" + open.name + "}}");
    }
    return m_use;
  }

private:
  // Keeps m_at at the byte `pos`, counting columns in characters.
  void advance_to(std::size_t pos) {
    for (; m_scanned < pos; ++m_scanned) {
      const auto c = static_cast<unsigned char>(m_file.text[m_scanned]);
      if (c == '\n') {
        ++m_at.line;
        m_at.column = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++m_at.column;
      }
    }
  }

  // {{tag}} or {{{tag}}}.
  enum class Braces { two, three };
  void tag(std::string_view contents, Braces braces) {
    contents = text::trim(contents);
    const char sigil = (braces == Braces::three || contents.empty()) ? '\0' : contents.front();
    if (sigil == '!') {
      return;
    }
    if (sigil == '=') {
      throw fail(m_at, "changing the delimiters is not supported", "keep {{ and }}");
    }
    if (sigil == '>') {
      throw fail(m_at, "partials are not supported", "write the text into the template itself");
    }
    const bool has_sigil = sigil == '#' || sigil == '^' || sigil == '/' || sigil == '&';
    const std::string written(text::trim(has_sigil ? contents.substr(1) : contents));
    if (written.empty()) {
      throw fail(m_at, "empty tag", "write a placeholder name, such as {{bill.title}}");
    }
    if (sigil == '/') {
      close_section(written);
    } else if (sigil == '#' || sigil == '^') {
      open_section(resolve(written), sigil == '^');
      if (m_sections.back().name.rfind("supporter.", 0) == 0) {
        m_use.supporter_fields.insert(m_sections.back().name.substr(10));
      }
    } else {
      variable(written);
    }
  }

  // A list section repeats what it holds for each item: one inside another
  // would repeat the product of their lengths.
  void open_section(std::string name, bool inverted) {
    if (m_sections.size() >= k_deepest_nesting) {
      throw fail(m_at, "sections nest more than " + std::to_string(k_deepest_nesting) + " deep here",
                 "close some with {{/name}} before opening more");
    }
    const auto is_list = [](const OpenSection& s) {
      const auto* p = find_placeholder(s.name);
      return !s.inverted && p != nullptr && p->kind == PlaceholderKind::list;
    };
    OpenSection section{std::move(name), inverted, m_at};
    if (is_list(section)) {
      const auto outer = std::find_if(m_sections.begin(), m_sections.end(), is_list);
      if (outer != m_sections.end()) {
        throw fail(m_at,
                   "the list section '" + section.name + "' is inside the list section '" + outer->name +
                       "' opened at line " + std::to_string(outer->at.line),
                   "close {{/" + outer->name + "}} first");
      }
    }
    m_sections.push_back(std::move(section));
  }

  void close_section(const std::string& written) {
    if (m_sections.empty()) {
      throw fail(m_at, "{{/" + written + "}} closes a section that was never opened", "");
    }
    const auto open = m_sections.back();
    m_sections.pop_back();
    if (open.name != written && resolve_in(written, m_sections) != open.name) {
      throw fail(m_at,
                 "{{/" + written + "}} closes '" + open.name + "', opened at line " + std::to_string(open.at.line),
                 "close it with {{/" + open.name + "}}");
    }
  }

  void variable(const std::string& written) {
    if (written == ".") {
      const bool in_values = std::any_of(m_sections.begin(), m_sections.end(), [](const OpenSection& s) {
        const auto* p = find_placeholder(s.name);
        return !s.inverted && p != nullptr && (p->kind == PlaceholderKind::list || p->kind == PlaceholderKind::text);
      });
      if (!in_values) {
        throw fail(m_at, "{{.}} is only meaningful inside a list section", "for example {{#bill.talking_points}}");
      }
      return;
    }
    const auto name = resolve(written);
    const auto kind = find_placeholder(name)->kind;
    if (kind == PlaceholderKind::flag || kind == PlaceholderKind::object) {
      throw fail(m_at, "'" + name + "' is a " + (kind == PlaceholderKind::flag ? "yes/no flag" : "group"),
                 "use it as a section: {{#" + name + "}}...{{/" + name + "}}");
    }
    if (kind == PlaceholderKind::list) {
      throw fail(m_at, "'" + name + "' is a list", "print its items with {{#" + name + "}}{{.}}{{/" + name + "}}");
    }
    if (name.rfind("sender.", 0) == 0 && !guarded(name)) {
      m_use.required_sender_fields.insert(name.substr(7));
    }
    if (name.rfind("supporter.", 0) == 0) {
      m_use.supporter_fields.insert(name.substr(10));
    }
  }

  // Whether a {{#name}} section around here makes `name` optional.
  bool guarded(const std::string& name) const {
    return std::any_of(m_sections.begin(), m_sections.end(),
                       [&](const OpenSection& s) { return !s.inverted && s.name == name; });
  }

  static std::string resolve_in(const std::string& written, const std::vector<OpenSection>& sections) {
    // Inside {{#bill}}, "title" means "bill.title": innermost group first.
    for (auto it = sections.rbegin(); it != sections.rend(); ++it) {
      const auto* group = find_placeholder(it->name);
      if (group != nullptr && group->kind == PlaceholderKind::object &&
          find_placeholder(it->name + "." + written) != nullptr) {
        return it->name + "." + written;
      }
    }
    return find_placeholder(written) != nullptr ? written : std::string();
  }

  std::string resolve(const std::string& written) const {
    auto name = resolve_in(written, m_sections);
    if (name.empty()) {
      std::vector<std::string> known;
      for (const auto& p : placeholders()) {
        known.emplace_back(p.name);
      }
      const auto near = text::closest_match(written, known);
      throw fail(m_at, "unknown placeholder '" + written + "'",
                 (near ? "did you mean '" + *near + "'? " : std::string()) +
                     "templates/README.md lists every placeholder");
    }
    return name;
  }

  Error fail(Position at, const std::string& message, const std::string& hint) const {
    auto error = usage_error(m_file.origin + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " +
                             message);
    if (!hint.empty()) {
      error.hint(hint);
    }
    return error;
  }

  const templates::SourceFile& m_file;
  Position m_at;
  std::size_t m_scanned = 0;
  std::vector<OpenSection> m_sections;
  TemplateUse m_use;
};

}  // namespace

TemplateUse check_template(const templates::SourceFile& file) { return Checker(file).run(); }

}  // namespace civic::letters
