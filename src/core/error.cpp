#include "core/error.hpp"

namespace civic {

Error::Error(const std::string& message, ExitCode code) : std::runtime_error(message), m_code(code) {}

Error& Error::context(std::string line) {
  m_contexts.push_back(std::move(line));
  return *this;
}

Error& Error::hint(std::string text) {
  m_hint = std::move(text);
  return *this;
}

Error usage_error(const std::string& message) { return Error(message, ExitCode::usage); }

std::string to_string(const Problem& problem) {
  std::string out = problem.where;
  if (problem.line > 0) {
    out += ":" + std::to_string(problem.line);
  }
  out += out.empty() ? "" : ": ";
  if (!problem.item.empty()) {
    out += problem.item + ": ";
  }
  if (!problem.column.empty()) {
    out += "column '" + problem.column + "': ";
  }
  return out + problem.message;
}

}  // namespace civic
