#pragma once
// Configuration: built-in defaults < config file < CIVIC_* environment <
// command-line flags. Every value remembers where it came from, so
// `civic config show` can say so.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/env.hpp"
#include "core/error.hpp"

namespace civic {

enum class ValueKind { string, path, integer, boolean, choice };
enum class Secret { no, yes };

struct KeySpec {
  std::string_view key;      // "section.name"
  ValueKind kind;
  std::string_view fallback; // built-in default ("" when none or computed)
  std::string_view env;      // overriding environment variable, or ""
  std::string_view choices;  // "a|b|c" for ValueKind::choice
  Secret secret;
  std::string_view help;
};

// Every key civic understands, in display order.
const std::vector<KeySpec>& config_keys();

enum class Origin { built_in, config_file, environment, command_line };

struct Setting {
  std::string value;
  Origin origin = Origin::built_in;
  std::string where;  // "config.toml:3", "CIVIC_DATA_DIR", "--format"
};

struct ConfigOptions {
  std::optional<std::filesystem::path> file;  // --config PATH (else CIVIC_CONFIG, else XDG)
  bool no_config = false;                     // --no-config: skip the file
  std::map<std::string, std::string> flags;   // key -> value from command-line flags
};

class Config {
public:
  // Throws a usage Error for a malformed file or a value of the wrong type.
  static Config load(const EnvVars& vars, const ConfigOptions& options);

  const Setting& setting(std::string_view key) const;
  const std::string& string(std::string_view key) const { return setting(key).value; }
  std::filesystem::path path(std::string_view key) const;
  long integer(std::string_view key) const;
  bool boolean(std::string_view key) const;

  const std::filesystem::path& file() const { return m_file; }
  bool file_loaded() const { return m_file_loaded; }
  const std::vector<Problem>& warnings() const { return m_warnings; }

private:
  void set(std::string_view key, std::string value, Origin origin, std::string where);
  void read_file(const std::filesystem::path& file, const EnvVars& vars);

  std::map<std::string, Setting, std::less<>> m_values;
  std::filesystem::path m_file;
  bool m_file_loaded = false;
  std::vector<Problem> m_warnings;
};

std::string_view to_string(Origin origin);

}  // namespace civic
