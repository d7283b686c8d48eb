#pragma once
// What tests run with: fixed time, a temp directory, the fixture and real
// mirrors, and the CLI run in-process.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/runtime.hpp"
#include "core/cancel.hpp"
#include "core/clock.hpp"
#include "core/env.hpp"
#include "core/net/http.hpp"

namespace civic::test {

std::filesystem::path fixtures_dir();
std::filesystem::path mini_mirror();
// The shared open-data mirror; fails the calling test when it is missing.
std::filesystem::path real_mirror();

// 2026-11-28T12:00:00Z: every test's "now" unless it says otherwise.
TimePoint fixed_now();

// A fresh directory under the build tree, removed afterwards.
class TempDir {
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path operator/(const std::string& rel) const { return m_path / rel; }

private:
  std::filesystem::path m_path;
};

// An Env over a temp directory: HOME, XDG and CIVIC_DATA_DIR point inside
// it; the clock is fixed; HTTP is real libcurl (for mock servers).
class World {
public:
  World();
  Env env();
  EnvVars vars;
  FixedClock clock{fixed_now()};
  CancelToken cancel;
  std::unique_ptr<HttpClient> http;
  TempDir dir;
  std::filesystem::path data_dir() const { return dir / "data"; }
};

struct CliResult {
  int code = 0;
  std::string out;
  std::string err;
};

CliResult run_cli(World& world, const std::vector<std::string>& args,
                  cli::Terminal terminal = cli::Terminal{});

// `civic data update --from <mini mirror>` into the world's data dir.
void load_mini_mirror(World& world);

// Writes a file, creating its folders.
void write_text(const std::filesystem::path& path, const std::string& content);

}  // namespace civic::test
