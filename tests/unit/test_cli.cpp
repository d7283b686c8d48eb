// The CLI wiring: the command table, colour rules, streams.
#include <doctest/doctest.h>

#include <filesystem>

#include "cli/commands.hpp"
#include "support/test_env.hpp"

using namespace civic;
using namespace civic::test;

TEST_CASE("every command in the table has its golden test file") {
  for (const auto& spec : cli::commands()) {
    const auto file = fixtures_dir().parent_path() / "golden" / ("cmd-" + std::string(spec.name) + ".test");
    CHECK_MESSAGE(std::filesystem::exists(file), "missing ", file.string());
  }
}

TEST_CASE("colour only on a terminal, and never with NO_COLOR or --no-color") {
  World world;
  load_mini_mirror(world);
  const cli::Terminal tty{true, true};
  CHECK(run_cli(world, {"reps", "--state", "DC"}, tty).out.find("\033[1mOFFICE") != std::string::npos);
  CHECK(run_cli(world, {"reps", "--state", "DC"}).out.find('\033') == std::string::npos);
  CHECK(run_cli(world, {"reps", "--state", "DC", "--no-color"}, tty).out.find('\033') == std::string::npos);
  world.vars["NO_COLOR"] = "1";
  CHECK(run_cli(world, {"reps", "--state", "DC"}, tty).out.find('\033') == std::string::npos);
  world.vars.erase("NO_COLOR");
  // Colour is for tables only: CSV and JSON stay clean even on a terminal.
  CHECK(run_cli(world, {"reps", "--state", "DC", "--format", "csv"}, tty).out.find('\033') == std::string::npos);
}

TEST_CASE("output.color = always colours a pipe too") {
  World world;
  load_mini_mirror(world);
  write_text(world.dir / "config/civic/config.toml", "[output]\ncolor = \"always\"\n");
  CHECK(run_cli(world, {"reps", "--state", "DC"}).out.find("\033[33m") == std::string::npos);
  CHECK(run_cli(world, {"reps", "--state", "WA"}).out.find("\033[33m(vacant)") != std::string::npos);
}

TEST_CASE("data goes to stdout, notes and warnings to stderr, and --quiet silences notes only") {
  World world;
  const auto update = run_cli(world, {"data", "update", "--from", mini_mirror().string()});
  CHECK(update.code == 0);
  CHECK(update.out.empty());
  CHECK(update.err.find("civic: wrote ") != std::string::npos);
  const auto quiet = run_cli(world, {"-q", "data", "status"});
  CHECK(quiet.out.find("congress-legislators") != std::string::npos);
  CHECK(quiet.err.find("built") == std::string::npos);
  CHECK(quiet.err.find("civic: warning: 1 stored official(s)") != std::string::npos);
}
