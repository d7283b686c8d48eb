#pragma once
// Golden CLI tests, ledger style. A .test file holds directives and cases:
//
//   # fixtures: mini            load the fixture mirror first
//   # now: 2026-11-28T12:00:00Z  the clock (default: test_env's fixed_now)
//   # env: NAME=value           one environment variable
//   test reps --state WA -> 0   arguments (shell-like quoting), exit code
//   <expected stdout>
//   __ERROR__
//   <expected stderr>
//   end test
//
// $FIXTURES and $TMP are replaced in arguments and expectations. Cases in
// one file share a temp directory, so a file can be a flow of commands.
// CIVIC_UPDATE_GOLDEN=1 rewrites the expectations with what civic printed.

#include <filesystem>
#include <string>
#include <vector>

namespace civic::test {

struct GoldenCase {
  std::size_t line = 0;
  std::string command;  // as written after "test"
  int exit_code = 0;
  std::string out;
  std::string err;
};

struct GoldenFile {
  std::vector<std::string> header;  // lines before the first case
  std::vector<GoldenCase> cases;
};

GoldenFile parse_golden(const std::string& text, const std::string& name);
std::string format_golden(const GoldenFile& file);
std::vector<std::string> split_command(const std::string& command);

// Runs every case; returns failures as readable diffs (empty when all pass).
std::vector<std::string> run_golden(const std::filesystem::path& file, bool update);

}  // namespace civic::test
