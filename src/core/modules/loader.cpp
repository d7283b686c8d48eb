#include "core/modules/loader.hpp"

#include <map>
#include <mutex>
#include <string>

#include <dlfcn.h>

#include "core/error.hpp"

namespace civic::modules {
namespace {

std::filesystem::path& directory_setting() {
  static std::filesystem::path path;
  return path;
}

}  // namespace

void set_directory(std::filesystem::path directory) { directory_setting() = std::move(directory); }
const std::filesystem::path& directory() { return directory_setting(); }

const void* load(const char* file, const char* symbol) {
  static std::mutex mutex;
  static std::map<std::string, const void*> loaded;
  std::lock_guard lock(mutex);
  if (auto it = loaded.find(file); it != loaded.end()) {
    return it->second;
  }
  const auto path = directory() / file;
  // Lazy binding: a module's functions are resolved when first called, not all
  // at load (GEOS alone has thousands).
  void* handle = dlopen(path.c_str(), RTLD_LAZY | RTLD_LOCAL);
  if (handle == nullptr) {
    throw Error("cannot load " + path.string() + ": " + dlerror())
        .hint("reinstall civic: its modules belong next to the binary or in lib/civic");
  }
  using Entry = const void* (*)();
  auto entry = reinterpret_cast<Entry>(dlsym(handle, symbol));
  if (entry == nullptr) {
    throw Error(path.string() + " is not a module of this civic (no " + symbol + ")");
  }
  return loaded[file] = entry();
}

}  // namespace civic::modules
