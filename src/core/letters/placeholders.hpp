#pragma once
// Every name a letter template may use. A template that uses any other
// name is refused before anything is written; templates/README.md
// documents each one (a test keeps the two in step).

#include <string_view>
#include <vector>

namespace civic::letters {

// text: a value; flag: yes or no, for {{#x}} / {{^x}} sections; list:
// lines or items, for {{#x}}{{.}}{{/x}}; object: a group, for {{#x}}{{y}}{{/x}}.
enum class PlaceholderKind { text, flag, list, object };

struct Placeholder {
  std::string_view name;  // "bill.title"
  PlaceholderKind kind;
  std::string_view description;
};

const std::vector<Placeholder>& placeholders();
const Placeholder* find_placeholder(std::string_view name);

}  // namespace civic::letters
