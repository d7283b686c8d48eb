#include "core/io_module.hpp"

#include <mutex>

#include <dlfcn.h>

#include "core/error.hpp"
#include "core/net/http.hpp"

namespace civic::io {
namespace {

std::filesystem::path& module_path() {
  static std::filesystem::path path;
  return path;
}

class LazyHttpClient final : public HttpClient {
public:
  explicit LazyHttpClient(const CancelToken& cancel) : m_cancel(cancel) {}
  HttpResponse send(const HttpRequest& request) override {
    if (!m_client) {
      m_client = module().make_http_client(m_cancel);
    }
    return m_client->send(request);
  }

private:
  const CancelToken& m_cancel;
  std::unique_ptr<HttpClient> m_client;
};

}  // namespace

void set_module_path(std::filesystem::path path) { module_path() = std::move(path); }

const Module& module() {
  static std::once_flag once;
  static const Module* loaded = nullptr;
  static std::string failure;
  std::call_once(once, [] {
    const auto& path = module_path();
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      failure = "cannot load " + path.string() + ": " + dlerror();
      return;
    }
    using Entry = const Module* (*)();
    auto entry = reinterpret_cast<Entry>(dlsym(handle, "civic_io_module"));
    loaded = entry != nullptr ? entry() : nullptr;
    if (loaded == nullptr || loaded->version != k_module_version) {
      failure = path.string() + " is not the civic_io module of this civic";
      loaded = nullptr;
    }
  });
  if (loaded == nullptr) {
    throw Error(failure).hint("reinstall civic: the module belongs next to the civic binary");
  }
  return *loaded;
}

std::unique_ptr<HttpClient> make_lazy_http_client(const CancelToken& cancel) {
  return std::make_unique<LazyHttpClient>(cancel);
}

}  // namespace civic::io
