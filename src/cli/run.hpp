#pragma once
// The CLI entry point. Takes its world as parameters so tests can run it
// in-process: arguments, environment, terminal facts, and the two streams.

#include <ostream>
#include <string>
#include <vector>

#include "cli/runtime.hpp"
#include "core/env.hpp"

namespace civic::cli {

// `args` excludes the program name. Returns the process exit code.
int run(const std::vector<std::string>& args, Env& env, const Terminal& terminal, std::ostream& out,
        std::ostream& err);

std::string version_string();

}  // namespace civic::cli
