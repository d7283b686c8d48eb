#include "core/util/stable_id.hpp"

#include <cstdint>

#include <fmt/format.h>

namespace civic {
namespace {

constexpr std::uint64_t k_fnv_prime = 0x100000001b3ULL;

std::uint64_t fnv1a(std::string_view text, std::uint64_t hash) {
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= k_fnv_prime;
  }
  return hash;
}

}  // namespace

std::string stable_id(std::string_view text) {
  // The standard offset basis, and a second one so the halves differ.
  return fmt::format("{:016x}{:016x}", fnv1a(text, 0xcbf29ce484222325ULL), fnv1a(text, 0x84222325cbf29ce4ULL));
}

}  // namespace civic
