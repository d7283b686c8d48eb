// Wires the real world (environment, clock, network, terminal, Ctrl-C)
// into civic::cli::run.
#include <csignal>
#include <iostream>

#include <unistd.h>

#include "cli/run.hpp"
#include "core/cancel.hpp"
#include "core/clock.hpp"
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

int main(int argc, char** argv) {
  std::signal(SIGINT, on_interrupt);
  civic::SystemClock clock;
  const auto http = civic::make_curl_http_client(g_cancel);
  civic::Env env{environment(), clock, *http, g_cancel};
  const civic::cli::Terminal terminal{::isatty(STDOUT_FILENO) == 1, ::isatty(STDERR_FILENO) == 1};
  std::ios::sync_with_stdio(false);
  return civic::cli::run({argv + 1, argv + argc}, env, terminal, std::cout, std::cerr);
}
