#include <doctest/doctest.h>

#include "core/config.hpp"
#include "core/paths.hpp"
#include "support/test_env.hpp"

using namespace civic;
using civic::test::TempDir;
using civic::test::write_text;

TEST_CASE("paths follow XDG, ignore relative XDG values, and need a home") {
  const auto paths = default_paths({{"HOME", "/home/u"}});
  CHECK(paths.config_file == "/home/u/.config/civic/config.toml");
  CHECK(paths.data_dir == "/home/u/.local/share/civic");
  CHECK(paths.cache_dir == "/home/u/.cache/civic");
  const auto xdg = default_paths({{"HOME", "/home/u"}, {"XDG_DATA_HOME", "/d"}, {"XDG_CACHE_HOME", "rel"}});
  CHECK(xdg.data_dir == "/d/civic");
  CHECK(xdg.cache_dir == "/home/u/.cache/civic");
  CHECK_THROWS_AS(default_paths({}), Error);
  CHECK(expand_path("~/x", {{"HOME", "/h"}}, "/base") == "/h/x");
  CHECK(expand_path("rel/x", {}, "/base") == "/base/rel/x");
}

TEST_CASE("values come from defaults, file, environment and flags, in that order") {
  TempDir dir;
  write_text(dir / "config.toml", "[output]\nformat = \"json\"\n\n[data]\nmax_age_days = 10\nsource = \"mirror\"\n");
  EnvVars vars{{"HOME", (dir / "home").string()}, {"CIVIC_CONFIG", (dir / "config.toml").string()},
               {"CIVIC_DATA_DIR", "/env/data"}};
  ConfigOptions options;
  auto config = Config::load(vars, options);
  CHECK(config.file_loaded());
  CHECK(config.string("output.format") == "json");
  CHECK(config.setting("output.format").origin == Origin::config_file);
  CHECK(config.setting("output.format").where == (dir / "config.toml").string() + ":2");
  CHECK(config.integer("data.max_age_days") == 10);
  CHECK(config.path("data.source") == "mirror");
  CHECK(config.string("paths.data_dir") == "/env/data");
  CHECK(config.setting("paths.data_dir").origin == Origin::environment);
  CHECK(config.setting("paths.data_dir").where == "CIVIC_DATA_DIR");
  CHECK(config.string("paths.cache_dir") == (dir / "home/.cache/civic").string());
  CHECK(config.setting("paths.cache_dir").origin == Origin::built_in);

  options.flags["output.format"] = "csv";
  config = Config::load(vars, options);
  CHECK(config.string("output.format") == "csv");
  CHECK(config.setting("output.format").origin == Origin::command_line);

  options.no_config = true;
  config = Config::load(vars, options);
  CHECK_FALSE(config.file_loaded());
  CHECK(config.integer("data.max_age_days") == 30);
}

TEST_CASE("relative paths in the file are relative to the file") {
  TempDir dir;
  write_text(dir / "c.toml", "[paths]\ndata_dir = \"store\"\n");
  ConfigOptions options;
  options.file = dir / "c.toml";
  const auto config = Config::load({{"HOME", "/h"}}, options);
  CHECK(config.path("paths.data_dir") == dir / "store");
}

TEST_CASE("an unknown key warns with a suggestion and is ignored") {
  TempDir dir;
  write_text(dir / "c.toml", "[output]\nfromat = \"json\"\n");
  ConfigOptions options;
  options.file = dir / "c.toml";
  const auto config = Config::load({{"HOME", "/h"}}, options);
  REQUIRE(config.warnings().size() == 1);
  CHECK(config.warnings()[0].where == (dir / "c.toml").string() + ":2");
  CHECK(config.warnings()[0].message == "unknown key 'output.fromat' (ignored), did you mean 'output.format'?");
  CHECK(config.string("output.format") == "table");
}

TEST_CASE("a value of the wrong type names the file, line and key") {
  TempDir dir;
  write_text(dir / "c.toml", "[data]\n\nmax_age_days = \"soon\"\n");
  ConfigOptions options;
  options.file = dir / "c.toml";
  try {
    Config::load({{"HOME", "/h"}}, options);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    CHECK(std::string(e.what()) == (dir / "c.toml").string() + ":3: 'data.max_age_days' must be an integer");
  }
  write_text(dir / "c.toml", "[output]\nformat = \"xml\"\n");
  CHECK_THROWS_WITH_AS(Config::load({{"HOME", "/h"}}, options),
                       doctest::Contains("'output.format' must be one of table|json|csv, got 'xml'"), Error);
}

TEST_CASE("broken TOML and a missing named file are usage errors") {
  TempDir dir;
  write_text(dir / "c.toml", "[output\nformat = 1\n");
  ConfigOptions options;
  options.file = dir / "c.toml";
  CHECK_THROWS_WITH_AS(Config::load({{"HOME", "/h"}}, options), doctest::Contains("c.toml:1:"), Error);
  options.file = dir / "missing.toml";
  CHECK_THROWS_WITH_AS(Config::load({{"HOME", "/h"}}, options), doctest::Contains("does not exist"), Error);
  // The default location may simply not exist.
  CHECK_NOTHROW(Config::load({{"HOME", (dir / "nohome").string()}}, ConfigOptions{}));
}

TEST_CASE("environment values are checked like file values") {
  CHECK_THROWS_WITH_AS(Config::load({{"HOME", "/h"}, {"CIVIC_FORMAT", "yaml"}}, ConfigOptions{}),
                       doctest::Contains("CIVIC_FORMAT: 'output.format' must be one of"), Error);
}
