#pragma once
// Cooperative cancellation: the CLI flips the flag on SIGINT, long-running
// core work polls it between items and unwinds with ExitCode::interrupted.

#include <atomic>

#include "core/error.hpp"

namespace civic {

class CancelToken {
public:
  void cancel() { m_cancelled.store(true); }
  bool cancelled() const { return m_cancelled.load(); }
  void throw_if_cancelled() const {
    if (cancelled()) {
      throw Error("interrupted", ExitCode::interrupted);
    }
  }

private:
  std::atomic<bool> m_cancelled{false};
};

}  // namespace civic
