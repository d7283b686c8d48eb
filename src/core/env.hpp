#pragma once
// Env: everything non-deterministic that the core needs, passed in. The CLI
// builds the real one in main(); tests build fakes.

#include <map>
#include <optional>
#include <string>

namespace civic {

class Clock;
class HttpClient;
class CancelToken;

using EnvVars = std::map<std::string, std::string>;

struct Env {
  EnvVars vars;  // a snapshot of the process environment
  const Clock& clock;
  HttpClient& http;
  const CancelToken& cancel;

  std::optional<std::string> var(const std::string& name) const {
    auto it = vars.find(name);
    if (it == vars.end() || it->second.empty()) {
      return std::nullopt;
    }
    return it->second;
  }
};

}  // namespace civic
