#pragma once
// Streams JSON text (pretty-printed, two-space indent) without building a
// document first: listings can be large, and output is all they need.
// Parsing JSON is nlohmann's job elsewhere.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace civic {

class JsonWriter {
public:
  explicit JsonWriter(std::string& out) : m_out(out) {}
  // Hands the text written so far to `flush` whenever it passes 64 KiB, so
  // a long listing streams out in pieces instead of piling up in memory.
  JsonWriter(std::string& out, std::function<void(std::string_view)> flush)
      : m_out(out), m_flush(std::move(flush)) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  // `name` is a plain key (snake_case): it is written as is.
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(long long number);
  JsonWriter& value(int number) { return value(static_cast<long long>(number)); }
  JsonWriter& value(long number) { return value(static_cast<long long>(number)); }
  JsonWriter& value(double number);
  JsonWriter& value(bool flag);
  JsonWriter& null();
  // "" is written as null: absent facts are null, never empty strings.
  JsonWriter& text_or_null(std::string_view text);
  template <class T>
  JsonWriter& value(const std::optional<T>& maybe) {
    return maybe ? value(*maybe) : null();
  }

  // key + value in one call.
  template <class T>
  JsonWriter& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }
  JsonWriter& field_or_null(std::string_view name, std::string_view text) {
    key(name);
    return text_or_null(text);
  }

private:
  void before_value();
  void newline(std::size_t depth);
  void open(char bracket);
  void close(char bracket);

  std::string& m_out;
  std::function<void(std::string_view)> m_flush;
  std::vector<char> m_has_items;  // one per open container (char: vector<bool> is slow)
  bool m_after_key = false;
};

void append_json_string(std::string& out, std::string_view text);

}  // namespace civic
