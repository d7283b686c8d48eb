// The civic_hash module: SHA-256 through OpenSSL's EVP interface.
#include <array>
#include <memory>

#include <openssl/evp.h>

#include "core/error.hpp"
#include "core/modules/hash.hpp"
#include "core/modules/loader.hpp"

namespace civic::hash {
namespace {

// Fetched once and kept for the life of the process: given EVP_sha256(),
// every EVP_DigestInit_ex looks the algorithm up again, which cost about
// as much as hashing a campaign letter.
const EVP_MD* sha256_algorithm() {
  static const EVP_MD* const algorithm = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return algorithm;
}

class OpenSslSha256 final : public Hasher {
public:
  OpenSslSha256() : m_ctx(EVP_MD_CTX_new()) {
    const auto* algorithm = sha256_algorithm();
    if (m_ctx == nullptr || algorithm == nullptr || EVP_DigestInit_ex(m_ctx, algorithm, nullptr) != 1) {
      EVP_MD_CTX_free(m_ctx);
      throw Error("cannot initialise SHA-256");
    }
  }
  ~OpenSslSha256() override { EVP_MD_CTX_free(m_ctx); }
  OpenSslSha256(const OpenSslSha256&) = delete;
  OpenSslSha256& operator=(const OpenSslSha256&) = delete;

  void update(std::string_view data) override { EVP_DigestUpdate(m_ctx, data.data(), data.size()); }

  std::string hex() override {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_ctx, digest.data(), &length);
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
      out += k_hex[digest[i] >> 4];
      out += k_hex[digest[i] & 0x0F];
    }
    return out;
  }

private:
  EVP_MD_CTX* m_ctx;
};

}  // namespace

std::unique_ptr<Hasher> module_impl::make_sha256() { return std::make_unique<OpenSslSha256>(); }

}  // namespace civic::hash

CIVIC_MODULE_ENTRY const void* civic_hash_module() {
  static const civic::hash::HashModule module{civic::hash::module_impl::make_sha256};
  return &module;
}
