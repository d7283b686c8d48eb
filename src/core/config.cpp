#include "core/config.hpp"

#include <algorithm>
#include <functional>

#include <toml++/toml.h>

#include "core/paths.hpp"
#include "core/util/text.hpp"

namespace civic {
namespace fs = std::filesystem;

namespace {

const KeySpec* find_spec(std::string_view key) {
  for (const auto& spec : config_keys()) {
    if (spec.key == key) {
      return &spec;
    }
  }
  return nullptr;
}

std::vector<std::string> known_keys() {
  std::vector<std::string> keys;
  for (const auto& spec : config_keys()) {
    keys.emplace_back(spec.key);
  }
  return keys;
}

std::string kind_name(const KeySpec& spec) {
  switch (spec.kind) {
    case ValueKind::integer: return "an integer";
    case ValueKind::boolean: return "true or false";
    case ValueKind::choice: return "one of " + std::string(spec.choices);
    case ValueKind::path: return "a path (string)";
    case ValueKind::string: break;
  }
  return "a string";
}

// Checks a textual value against the key's kind; returns an error message or "".
std::string check_value(const KeySpec& spec, const std::string& value) {
  if (spec.kind == ValueKind::integer) {
    std::size_t used = 0;
    try {
      (void)std::stol(value, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != value.size()) {
      return "'" + std::string(spec.key) + "' must be an integer, got '" + value + "'";
    }
  } else if (spec.kind == ValueKind::boolean && value != "true" && value != "false") {
    return "'" + std::string(spec.key) + "' must be true or false, got '" + value + "'";
  } else if (spec.kind == ValueKind::choice) {
    const auto choices = text::split(spec.choices, '|');
    if (std::find(choices.begin(), choices.end(), value) == choices.end()) {
      return "'" + std::string(spec.key) + "' must be one of " + std::string(spec.choices) + ", got '" + value + "'";
    }
  }
  return "";
}

// The TOML node as text when its type fits the key; nullopt otherwise.
std::optional<std::string> node_text(const KeySpec& spec, const toml::node& node) {
  switch (spec.kind) {
    case ValueKind::integer:
      if (auto v = node.value<int64_t>(); v && node.is_integer()) {
        return std::to_string(*v);
      }
      return std::nullopt;
    case ValueKind::boolean:
      if (auto v = node.value<bool>()) {
        return *v ? "true" : "false";
      }
      return std::nullopt;
    default:
      if (auto v = node.value<std::string>()) {
        return *v;
      }
      return std::nullopt;
  }
}

}  // namespace

std::string_view to_string(Origin origin) {
  switch (origin) {
    case Origin::built_in: return "default";
    case Origin::config_file: return "config file";
    case Origin::environment: return "environment";
    case Origin::command_line: return "command line";
  }
  return "default";
}

void Config::set(std::string_view key, std::string value, Origin origin, std::string where) {
  const auto* spec = find_spec(key);
  if (spec == nullptr) {
    throw Error("internal: unknown configuration key '" + std::string(key) + "'");
  }
  if (auto message = check_value(*spec, value); !message.empty()) {
    throw usage_error((where.empty() ? "" : where + ": ") + message);
  }
  m_values[std::string(key)] = Setting{std::move(value), origin, std::move(where)};
}

Config Config::load(const EnvVars& vars, const ConfigOptions& options) {
  Config config;
  const auto defaults = default_paths(vars);
  for (const auto& spec : config_keys()) {
    config.m_values[std::string(spec.key)] = Setting{std::string(spec.fallback), Origin::built_in, ""};
  }
  config.m_values["paths.data_dir"].value = defaults.data_dir.string();
  config.m_values["paths.cache_dir"].value = defaults.cache_dir.string();
  config.m_values["paths.templates_dir"].value = (defaults.config_dir / "templates").string();

  const auto env_config = vars.find("CIVIC_CONFIG");
  if (options.file) {
    config.m_file = *options.file;
  } else if (env_config != vars.end() && !env_config->second.empty()) {
    config.m_file = env_config->second;
  } else {
    config.m_file = defaults.config_file;
  }
  if (!options.no_config) {
    std::error_code ec;
    const bool exists = fs::exists(config.m_file, ec);
    if (exists) {
      config.read_file(config.m_file, vars);
    } else if (options.file || env_config != vars.end()) {
      throw usage_error("config file " + config.m_file.string() + " does not exist")
          .hint("create it, or unset CIVIC_CONFIG / drop --config");
    }
  }
  for (const auto& spec : config_keys()) {
    if (spec.env.empty()) {
      continue;
    }
    if (auto it = vars.find(std::string(spec.env)); it != vars.end() && !it->second.empty()) {
      config.set(spec.key, it->second, Origin::environment, std::string(spec.env));
    }
  }
  for (const auto& [key, value] : options.flags) {
    config.set(key, value, Origin::command_line, "");
  }
  return config;
}

void Config::read_file(const fs::path& file, const EnvVars& vars) {
  toml::table root;
  try {
    root = toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    throw usage_error(file.string() + ":" + std::to_string(e.source().begin.line) + ": " +
                      std::string(e.description()))
        .hint("fix the TOML syntax on that line, or run with --no-config");
  }
  m_file_loaded = true;
  const std::string name = file.string();
  const auto where = [&](const toml::node& node) {
    return name + ":" + std::to_string(node.source().begin.line);
  };
  // Walk every leaf; tables are only containers.
  std::function<void(const toml::table&, const std::string&)> walk = [&](const toml::table& table,
                                                                         const std::string& prefix) {
    for (const auto& [k, node] : table) {
      const std::string key = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
      if (const auto* sub = node.as_table()) {
        walk(*sub, key);
        continue;
      }
      const auto* spec = find_spec(key);
      if (spec == nullptr) {
        std::string message = "unknown key '" + key + "' (ignored)";
        if (auto suggestion = text::closest_match(key, known_keys())) {
          message += ", did you mean '" + *suggestion + "'?";
        }
        m_warnings.push_back({where(node), message});
        continue;
      }
      auto value = node_text(*spec, node);
      if (!value) {
        throw usage_error(where(node) + ": '" + key + "' must be " + kind_name(*spec))
            .hint("edit " + name + ", or run with --no-config");
      }
      if (spec->kind == ValueKind::path) {
        value = expand_path(*value, vars, file.parent_path()).string();
      }
      set(key, *value, Origin::config_file, where(node));
    }
  };
  walk(root, "");
}

const Setting& Config::setting(std::string_view key) const {
  auto it = m_values.find(key);
  if (it == m_values.end()) {
    throw Error("internal: unknown configuration key '" + std::string(key) + "'");
  }
  return it->second;
}

fs::path Config::path(std::string_view key) const { return fs::path(string(key)); }

long Config::integer(std::string_view key) const { return std::stol(string(key)); }

bool Config::boolean(std::string_view key) const { return string(key) == "true"; }

}  // namespace civic
