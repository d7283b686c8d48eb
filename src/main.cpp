// Wires the real world (environment, clock, network, terminal, Ctrl-C)
// into civic::cli::run.
#include <csignal>
#include <filesystem>
#include <iostream>

#include <unistd.h>

#include "cli/run.hpp"
#include "core/cancel.hpp"
#include "core/clock.hpp"
#include "core/modules/loader.hpp"
#include "core/modules/net.hpp"
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

// The modules sit next to the binary in the build tree, in ../lib/civic
// when installed.
std::filesystem::path module_directory() {
  std::error_code ec;
  const auto exe_dir = std::filesystem::read_symlink("/proc/self/exe", ec).parent_path();
  return std::filesystem::exists(exe_dir / "libcivic_net.so", ec) ? exe_dir : exe_dir / "../lib/civic";
}

int main(int argc, char** argv) {
  std::signal(SIGINT, on_interrupt);
  civic::modules::set_directory(module_directory());
  civic::SystemClock clock;
  const auto http = civic::net::make_lazy_http_client(g_cancel);
  civic::Env env{environment(), clock, *http, g_cancel};
  const civic::cli::Terminal terminal{::isatty(STDOUT_FILENO) == 1, ::isatty(STDERR_FILENO) == 1};
  std::ios::sync_with_stdio(false);
  return civic::cli::run({argv + 1, argv + argc}, env, terminal, std::cout, std::cerr);
}
