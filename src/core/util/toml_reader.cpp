#include "core/util/toml_reader.hpp"

#include <algorithm>

#include "core/util/text.hpp"

namespace civic {

toml::table TomlReader::parse(std::string_view text) const {
  try {
    return toml::parse(text, m_origin);
  } catch (const toml::parse_error& e) {
    throw fail(e.source().begin.line, e.source().begin.column, std::string(e.description()));
  }
}

Error TomlReader::fail(std::size_t line, std::size_t column, const std::string& message) const {
  return usage_error(m_origin + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message)
      .hint(m_hint);
}

Error TomlReader::fail_at(const toml::table& table, std::string_view key, const std::string& message) const {
  const auto* node = table.get(key);
  const auto& where = node != nullptr ? node->source() : table.source();
  return fail(where.begin.line, where.begin.column, "'" + std::string(key) + "' " + message);
}

std::string TomlReader::suggestion(const std::string& word, const std::vector<std::string>& known) {
  const auto near = text::closest_match(word, known);
  return near ? "; did you mean '" + *near + "'?" : "";
}

void TomlReader::check_keys(const toml::table& table, const std::vector<std::string>& known,
                            const std::string& prefix) const {
  for (const auto& [key, node] : table) {
    const std::string name(key.str());
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      const auto& where = key.source().begin ? key.source() : node.source();
      throw fail(where.begin.line, where.begin.column, "unknown key '" + prefix + name + "'" + suggestion(name, known));
    }
  }
}

std::string TomlReader::required_string(const toml::table& table, std::string_view key,
                                        const std::string& prefix) const {
  const auto* node = table.get(key);
  if (node == nullptr) {
    throw fail(table.source().begin.line, table.source().begin.column, "missing '" + prefix + std::string(key) + "'");
  }
  const auto value = node->value<std::string>();
  if (!value || text::trim(*value).empty()) {
    throw fail_at(table, key, "must be a non-empty string");
  }
  return *value;
}

std::string TomlReader::optional_string(const toml::table& table, std::string_view key,
                                        const std::string& prefix) const {
  return table.contains(key) ? required_string(table, key, prefix) : std::string();
}

std::vector<std::string> TomlReader::string_list(const toml::table& table, std::string_view key) const {
  std::vector<std::string> values;
  const auto* node = table.get(key);
  if (node == nullptr) {
    return values;
  }
  const auto* array = node->as_array();
  if (array == nullptr) {
    throw fail_at(table, key, "must be a list of strings");
  }
  for (const auto& item : *array) {
    const auto value = item.value<std::string>();
    if (!value || text::trim(*value).empty()) {
      throw fail(item.source().begin.line, item.source().begin.column,
                 "'" + std::string(key) + "' must hold non-empty strings");
    }
    values.emplace_back(text::trim(*value));
  }
  return values;
}

const toml::table* TomlReader::table(const toml::table& parent, std::string_view key, Need need) const {
  const auto* node = parent.get(key);
  if (node == nullptr) {
    if (need == Need::required) {
      throw fail(parent.source().begin.line, 1, "missing the [" + std::string(key) + "] table");
    }
    return nullptr;
  }
  const auto* table = node->as_table();
  if (table == nullptr) {
    throw fail_at(parent, key, "must be a table");
  }
  return table;
}

}  // namespace civic
