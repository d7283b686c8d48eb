// civic letter --out: one file per official, written whole or not at all.
#include <doctest/doctest.h>

#include <filesystem>

#include "core/util/files.hpp"
#include "support/test_env.hpp"

using namespace civic;
using namespace civic::test;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> letter_args(const fs::path& out, const std::string& format) {
  return {"letter",         "--bill",          "hr1144",    "--stance", "support",   "--latlon",
          "47.5,-122.5",    "--sender-name",   "Pat Doe",   "--sender-address",      "12 Elm St, Kent, WA 98030",
          "--format",       format,            "--out",     out.string()};
}

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("--out writes one file per official, with safe names, and lists them on stdout") {
  World world;
  load_mini_mirror(world);
  const auto out = world.dir / "letters";
  const auto result = run_cli(world, letter_args(out, "txt"));
  CHECK(result.code == 0);
  const auto names = names_in(out);
  CHECK(names == std::vector<std::string>{"hr1144-119-support-letter-alice-example-a000001.txt",
                                          "hr1144-119-support-letter-bob-sample-b000002.txt",
                                          "hr1144-119-support-letter-carol-placeholder-c000003.txt"});
  CHECK(result.out == (out / names[1]).string() + "\n" + (out / names[0]).string() + "\n" +
                          (out / names[2]).string() + "\n");
  const auto carol = read_file(out / names[2]);
  CHECK(carol.find("Dear Representative Placeholder:") != std::string::npos);
  CHECK(carol.find("500 Pine St., Suite 5\nSeattle, WA 98101") != std::string::npos);
  CHECK(result.err.find("wrote 3 files") != std::string::npos);

  // Again, as PDF: each file one letter, beside the text ones.
  CHECK(run_cli(world, letter_args(out, "pdf")).code == 0);
  CHECK(names_in(out).size() == 6);
  CHECK(read_file(out / "hr1144-119-support-letter-carol-placeholder-c000003.pdf").rfind("%PDF-", 0) == 0);
}

TEST_CASE("a letter that cannot be written stops every letter before any file is made") {
  World world;
  load_mini_mirror(world);
  const auto out = world.dir / "letters";
  auto args = letter_args(out, "txt");
  args.insert(args.end(), {"--channel", "form", "--story", std::string(600, 'x')});
  const auto result = run_cli(world, args);
  CHECK(result.code == 2);
  CHECK(result.err.find("over the limit of 500") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  CHECK(result.out.empty());
}

TEST_CASE("a template in the user's templates folder replaces the shipped one") {
  World world;
  load_mini_mirror(world);
  write_text(world.dir / "config/civic/templates/letters/call.mustache",
             "Ring {{recipient.name}} about {{bill.number}}.\n");
  const auto result = run_cli(world, {"letter", "--bill", "hr1144", "--stance", "support", "--official", "C000003",
                                      "--channel", "call", "--sender-name", "Pat"});
  CHECK(result.code == 0);
  CHECK(result.out == "Ring Carol Placeholder about H.R. 1144.\n");
}

TEST_CASE("sender details come from 'civic me set' unless a flag says otherwise") {
  World world;
  load_mini_mirror(world);
  REQUIRE(run_cli(world, {"me", "set", "--name", "Pat Doe", "--postal-address", "12 Elm St, Kent, WA 98030"}).code ==
          0);
  auto result = run_cli(world, {"letter", "--bill", "hr1144", "--stance", "support", "--official", "C000003"});
  CHECK(result.code == 0);
  CHECK(result.out.find("Pat Doe\n12 Elm St\nKent, WA 98030\n") == 0);
  result = run_cli(world, {"letter", "--bill", "hr1144", "--stance", "support", "--official", "C000003",
                           "--sender-name", "Sam Roe"});
  CHECK(result.out.find("Sam Roe\n12 Elm St\n") == 0);
}

TEST_CASE("a PDF is not written to a terminal") {
  World world;
  load_mini_mirror(world);
  const auto result = run_cli(world,
                              {"letter", "--bill", "hr1144", "--stance", "support", "--official", "C000003",
                               "--format", "pdf", "--sender-name", "P", "--sender-address", "1 A St, Kent, WA 98030"},
                              cli::Terminal{true, true});
  CHECK(result.code == 2);
  CHECK(result.err.find("a PDF is not for the terminal") != std::string::npos);
}
