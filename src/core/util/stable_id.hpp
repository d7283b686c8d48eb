#pragma once
// Short identifiers derived from text: the same text always gives the same
// id, on every machine and build. Not a cryptographic hash: ids name
// journal rows, and computing one must not load OpenSSL (see sha256.hpp)
// into a command meant to finish in milliseconds.

#include <string>
#include <string_view>

namespace civic {

// 32 lowercase hex digits: two 64-bit FNV-1a hashes with different offsets.
std::string stable_id(std::string_view text);

}  // namespace civic
