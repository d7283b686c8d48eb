#pragma once
// Libraries that are slow to load live in modules, loaded the first time a
// command needs them, so a lookup never pays for what it does not use:
//
//   civic_net       libcurl                  downloads, the geocoder, APIs
//   civic_hash      OpenSSL's libcrypto      SHA-256
//   civic_files     GDAL, libarchive,        boundary files, upstream archives,
//                   libxml2                  XML datasets
//   civic_geometry  GEOS                     point in polygon, repairs
//   civic_print     cairo, pango             letters as PDF
//
// Each module's interface is a header in this folder: the functions the
// module defines (in namespace module_impl, under src/modules/<name>/) and
// a table of entry points whose fields take their types from those
// declarations. The module exports one function returning that table, built
// from the same declarations; it is linked with -Wl,--no-undefined, so a
// definition that drifts from its declaration fails the build rather than
// the first command that needs the module.

#include <filesystem>

namespace civic::modules {

// Where the module files are (next to the binary, or lib/civic).
void set_directory(std::filesystem::path directory);
const std::filesystem::path& directory();

// Loads `file` from the directory once and returns what its `symbol`
// function returns; throws civic::Error naming the file when it cannot.
const void* load(const char* file, const char* symbol);

// The entry table (of type T) of module `file`, loaded on the first call
// and kept: later calls take no lock, and bulk work asks from every thread,
// over and over. A failed load is tried again on the next call.
template <class T>
const T& entries(const char* file, const char* symbol) {
  static const T& loaded = *static_cast<const T*>(load(file, symbol));
  return loaded;
}

}  // namespace civic::modules

// Declares the exported entry point of a module.
#define CIVIC_MODULE_ENTRY extern "C" __attribute__((visibility("default")))
