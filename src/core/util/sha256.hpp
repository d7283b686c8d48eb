#pragma once
// SHA-256 as lowercase hex, for dataset provenance and manifests. OpenSSL
// computes it, from the civic_net module (see core/modules.hpp).

#include <memory>
#include <string>
#include <string_view>

namespace civic::net {
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
  std::unique_ptr<net::Hasher> m_impl;
};

}  // namespace civic
