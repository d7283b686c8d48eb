#pragma once
// civic bills sync [BILL...]: status and actions from Congress.gov into the
// journal, for the tracked bills or the ones named (which become tracked).

#include <string>
#include <vector>

namespace civic::cli {

class Runtime;

int run_bills_sync(const std::vector<std::string>& bills, Runtime& rt);

}  // namespace civic::cli
