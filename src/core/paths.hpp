#pragma once
// Where civic keeps its files, following the XDG base-directory rules.
// A pure function of the environment, so tests never touch the real $HOME.

#include <filesystem>

#include "core/env.hpp"

namespace civic {

struct DefaultPaths {
  std::filesystem::path config_file;  // $XDG_CONFIG_HOME/civic/config.toml
  std::filesystem::path config_dir;   // $XDG_CONFIG_HOME/civic
  std::filesystem::path data_dir;     // $XDG_DATA_HOME/civic
  std::filesystem::path cache_dir;    // $XDG_CACHE_HOME/civic
};

DefaultPaths default_paths(const EnvVars& vars);

// "~/x" → "$HOME/x"; a relative path is taken relative to `base`.
std::filesystem::path expand_path(const std::string& text, const EnvVars& vars,
                                  const std::filesystem::path& base);

}  // namespace civic
