#include "support/test_env.hpp"

#include <atomic>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <unistd.h>

#include "cli/run.hpp"
#include "core/modules/loader.hpp"
#include "core/modules/net.hpp"

namespace civic::test {
namespace fs = std::filesystem;

fs::path fixtures_dir() { return CIVIC_TEST_FIXTURES; }
fs::path mini_mirror() { return fixtures_dir() / "mini-mirror"; }

fs::path real_mirror() {
  const char* from_env = std::getenv("CIVIC_TEST_MIRROR");
  fs::path path = from_env != nullptr && *from_env != '\0' ? fs::path(from_env) : fs::path(CIVIC_TEST_MIRROR);
  if (!fs::is_directory(path / "congress-legislators")) {
    throw std::runtime_error("the open-data mirror is missing at " + path.string() +
                             " (set CIVIC_TEST_MIRROR to its location)");
  }
  return path;
}

TimePoint fixed_now() { return *parse_utc_timestamp("2026-11-28T12:00:00Z"); }

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  m_path = fs::path(CIVIC_TEST_TMP) / (std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(m_path);
  fs::create_directories(m_path);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(m_path, ec);
}

World::World() : http(net::make_lazy_http_client(cancel)) {
  modules::set_directory(CIVIC_TEST_MODULE_DIR);
  // Every test lives in New York, five hours off UTC in winter, so code that
  // mixes up local and UTC time fails here rather than for users.
  setenv("TZ", "America/New_York", 1);
  tzset();
  vars = {{"HOME", (dir / "home").string()},
          {"XDG_CONFIG_HOME", (dir / "config").string()},
          {"XDG_CACHE_HOME", (dir / "cache").string()},
          {"CIVIC_DATA_DIR", data_dir().string()}};
}

Env World::env() { return Env{vars, clock, *http, cancel}; }

CliResult run_cli(World& world, const std::vector<std::string>& args, cli::Terminal terminal) {
  std::ostringstream out;
  std::ostringstream err;
  auto env = world.env();
  CliResult result;
  result.code = cli::run(args, env, terminal, out, err);
  result.out = out.str();
  result.err = err.str();
  return result;
}

void load_mini_mirror(World& world) {
  const auto result = run_cli(world, {"-q", "data", "update", "--from", mini_mirror().string()});
  if (result.code != 0) {
    throw std::runtime_error("loading the mini mirror failed: " + result.err);
  }
}

void write_text(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

}  // namespace civic::test
