#include "core/data/yaml.hpp"

#include "core/error.hpp"

namespace civic::data {

YAML::Node parse_yaml(const std::string& text, const std::string& where) {
  try {
    return YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw Error(where + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) +
                ": malformed YAML (" + e.msg + ")")
        .hint("the file is damaged or truncated; fetch the dataset again");
  }
}

std::string scalar(const YAML::Node& node, const char* key) {
  if (!node.IsMap()) {
    return "";
  }
  const auto value = node[key];
  if (!value || !value.IsScalar()) {
    return "";
  }
  return value.Scalar();
}

std::string position(const std::string& file, const YAML::Node& node) {
  const auto mark = node.Mark();
  return mark.is_null() ? file : file + ":" + std::to_string(mark.line + 1);
}

}  // namespace civic::data
