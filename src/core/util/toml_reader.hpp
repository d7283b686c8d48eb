#pragma once
// Strict reading of a user's TOML file: every problem is a usage error
// naming the file, line and column, unknown keys come with the closest
// known one, and each error carries the file kind's own hint.

#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "core/error.hpp"

namespace civic {

class TomlReader {
 public:
  // `origin` names the file in messages; `hint` follows every error.
  TomlReader(std::string origin, std::string hint) : m_origin(std::move(origin)), m_hint(std::move(hint)) {}

  toml::table parse(std::string_view text) const;

  Error fail(std::size_t line, std::size_t column, const std::string& message) const;
  Error fail_at(const toml::table& table, std::string_view key, const std::string& message) const;

  // `prefix` names the table in messages ("status.").
  void check_keys(const toml::table& table, const std::vector<std::string>& known, const std::string& prefix) const;
  std::string required_string(const toml::table& table, std::string_view key, const std::string& prefix) const;
  // "" when the key is absent.
  std::string optional_string(const toml::table& table, std::string_view key, const std::string& prefix) const;
  // Empty when the key is absent; each entry trimmed and non-empty.
  std::vector<std::string> string_list(const toml::table& table, std::string_view key) const;
  // The sub-table `key`; throws when it is missing (and required) or not a
  // table; null when it is missing and optional.
  enum class Need { optional, required };
  const toml::table* table(const toml::table& parent, std::string_view key, Need need) const;

  // "; did you mean 'x'?" when a known word is close, else "".
  static std::string suggestion(const std::string& word, const std::vector<std::string>& known);

 private:
  std::string m_origin;
  std::string m_hint;
};

}  // namespace civic
