#include "core/paths.hpp"

#include "core/error.hpp"

namespace civic {
namespace fs = std::filesystem;

namespace {

std::string lookup(const EnvVars& vars, const std::string& name) {
  auto it = vars.find(name);
  return it == vars.end() ? std::string() : it->second;
}

fs::path xdg_dir(const EnvVars& vars, const std::string& variable, const char* fallback_under_home) {
  // The spec says relative values are invalid and must be ignored.
  if (const auto value = lookup(vars, variable); !value.empty() && fs::path(value).is_absolute()) {
    return fs::path(value) / "civic";
  }
  const auto home = lookup(vars, "HOME");
  if (home.empty()) {
    throw Error("cannot find a home directory: $HOME and $" + variable + " are unset")
        .hint("set HOME, or " + variable + ", or the CIVIC_* directory variables");
  }
  return fs::path(home) / fallback_under_home / "civic";
}

}  // namespace

DefaultPaths default_paths(const EnvVars& vars) {
  DefaultPaths paths;
  paths.config_dir = xdg_dir(vars, "XDG_CONFIG_HOME", ".config");
  paths.config_file = paths.config_dir / "config.toml";
  paths.data_dir = xdg_dir(vars, "XDG_DATA_HOME", ".local/share");
  paths.cache_dir = xdg_dir(vars, "XDG_CACHE_HOME", ".cache");
  return paths;
}

fs::path expand_path(const std::string& text, const EnvVars& vars, const fs::path& base) {
  if (text == "~" || text.rfind("~/", 0) == 0) {
    return fs::path(lookup(vars, "HOME")) / text.substr(text.size() > 1 ? 2 : 1);
  }
  fs::path path(text);
  return path.is_relative() ? base / path : path;
}

}  // namespace civic
