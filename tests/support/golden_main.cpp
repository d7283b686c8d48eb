// Runs one golden .test file: civic_golden FILE
#include <cstdlib>
#include <exception>
#include <iostream>

#include "support/golden.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: civic_golden FILE.test\n";
    return 2;
  }
  const char* update = std::getenv("CIVIC_UPDATE_GOLDEN");
  try {
    const auto failures = civic::test::run_golden(argv[1], update != nullptr && std::string(update) == "1");
    for (const auto& failure : failures) {
      std::cerr << failure << "\n";
    }
    return failures.empty() ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << argv[1] << ": " << e.what() << "\n";
    return 1;
  }
}
