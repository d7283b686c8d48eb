#include "core/util/json_writer.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>

#include <fmt/format.h>

namespace civic {

namespace {

// Bytes that JSON strings must escape: control characters, quote, backslash.
constexpr std::array<bool, 256> k_escaped = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c) {
    table[static_cast<std::size_t>(c)] = true;
  }
  table['"'] = true;
  table['\\'] = true;
  return table;
}();

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out.reserve(out.size() + text.size() + 2);
  out += '"';
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!k_escaped[c]) {
      continue;  // the common case: copied in one run below
    }
    out.append(text.substr(start, i - start));
    start = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default: out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
    }
  }
  out.append(text.substr(start));
  out += '"';
}

void JsonWriter::newline(std::size_t depth) {
  m_out += '\n';
  m_out.append(depth * 2, ' ');
}

void JsonWriter::before_value() {
  constexpr std::size_t k_flush_at = 64 * 1024;
  if (m_flush && m_out.size() >= k_flush_at) {
    m_flush(m_out);
    m_out.clear();
  }
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (!m_has_items.empty()) {
    if (m_has_items.back() != 0) {
      m_out += ',';
    }
    m_has_items.back() = 1;
    newline(m_has_items.size());
  }
}

void JsonWriter::open(char bracket) {
  before_value();
  m_out += bracket;
  m_has_items.push_back(0);
}

void JsonWriter::close(char bracket) {
  const bool had_items = m_has_items.back() != 0;
  m_has_items.pop_back();
  if (had_items) {
    newline(m_has_items.size());
  }
  m_out += bracket;
}

JsonWriter& JsonWriter::begin_object() {
  open('{');
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  close('}');
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  open('[');
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  close(']');
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  before_value();
  // Keys are civic's own snake_case names: nothing to escape.
  assert(std::none_of(name.begin(), name.end(), [](char c) { return c == '"' || c == '\\' || c < 0x20; }));
  m_out += '"';
  m_out += name;
  m_out += "\": ";
  m_after_key = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  append_json_string(m_out, text);
  return *this;
}

JsonWriter& JsonWriter::value(long long number) {
  before_value();
  m_out += std::to_string(number);
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  if (!std::isfinite(number)) {
    return null();  // JSON has no infinity or NaN
  }
  before_value();
  m_out += fmt::format("{}", number);
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  before_value();
  m_out += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  m_out += "null";
  return *this;
}

JsonWriter& JsonWriter::text_or_null(std::string_view text) { return text.empty() ? null() : value(text); }

}  // namespace civic
