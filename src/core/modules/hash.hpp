#pragma once
// The civic_hash module: OpenSSL's libcrypto, for SHA-256 (see loader.hpp).
// Hashing is needed by imports, campaigns and the geocoder's cache, never
// by a lookup: libcrypto costs a process a millisecond or two to load.

#include <memory>
#include <string>
#include <string_view>

namespace civic::hash {

// An incremental SHA-256.
class Hasher {
public:
  virtual ~Hasher() = default;
  virtual void update(std::string_view data) = 0;
  virtual std::string hex() = 0;  // finishes the digest
};

namespace module_impl {  // defined in the civic_hash module
std::unique_ptr<Hasher> make_sha256();
}  // namespace module_impl

struct HashModule {
  decltype(&module_impl::make_sha256) make_sha256;
};

const HashModule& hash_module();

}  // namespace civic::hash
