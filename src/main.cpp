// Wires the real world (environment, clock, network, terminal, Ctrl-C)
// into civic::cli::run.
#include <csignal>
#include <filesystem>
#include <iostream>

#include <unistd.h>

#include "cli/run.hpp"
#include "core/cancel.hpp"
#include "core/clock.hpp"
#include "core/io_module.hpp"
#include "core/net/http.hpp"

extern char** environ;

namespace {

civic::CancelToken g_cancel;

extern "C" void on_interrupt(int) {
  g_cancel.cancel();
  std::signal(SIGINT, SIG_DFL);  // a second Ctrl-C ends the process at once
}

civic::EnvVars environment() {
  civic::EnvVars vars;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string text(*entry);
    const auto eq = text.find('=');
    if (eq != std::string::npos) {
      vars.emplace(text.substr(0, eq), text.substr(eq + 1));
    }
  }
  return vars;
}

}  // namespace

// libcivic_io.so next to the binary (build tree), else in ../lib/civic.
std::filesystem::path io_module_path() {
  std::error_code ec;
  const auto exe_dir = std::filesystem::read_symlink("/proc/self/exe", ec).parent_path();
  const auto beside = exe_dir / "libcivic_io.so";
  return std::filesystem::exists(beside, ec) ? beside : exe_dir / "../lib/civic/libcivic_io.so";
}

int main(int argc, char** argv) {
  std::signal(SIGINT, on_interrupt);
  civic::io::set_module_path(io_module_path());
  civic::SystemClock clock;
  const auto http = civic::io::make_lazy_http_client(g_cancel);
  civic::Env env{environment(), clock, *http, g_cancel};
  const civic::cli::Terminal terminal{::isatty(STDOUT_FILENO) == 1, ::isatty(STDERR_FILENO) == 1};
  std::ios::sync_with_stdio(false);
  return civic::cli::run({argv + 1, argv + argc}, env, terminal, std::cout, std::cerr);
}
