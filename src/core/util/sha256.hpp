#pragma once
// SHA-256 as lowercase hex, for dataset provenance and manifests. OpenSSL
// computes it, from the civic_hash module (see core/modules/loader.hpp).

#include <memory>
#include <string>
#include <string_view>

namespace civic::hash {
class Hasher;
}

namespace civic {

std::string sha256_hex(std::string_view data);

// Incremental hashing of large or streamed content.
class Sha256 {
public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view data);
  std::string hex();  // finishes the digest

private:
  std::unique_ptr<hash::Hasher> m_impl;
};

}  // namespace civic
