#include "core/util/sha256.hpp"

#include "core/modules/hash.hpp"

namespace civic {

Sha256::Sha256() : m_impl(hash::hash_module().make_sha256()) {}
Sha256::~Sha256() = default;

void Sha256::update(std::string_view data) { m_impl->update(data); }

std::string Sha256::hex() { return m_impl->hex(); }

std::string sha256_hex(std::string_view data) {
  Sha256 hash;
  hash.update(data);
  return hash.hex();
}

}  // namespace civic
