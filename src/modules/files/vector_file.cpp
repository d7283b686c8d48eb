// Part of the civic_files module: the only code that includes GDAL.
#include "core/geo/vector_file.hpp"
#include "core/modules/files.hpp"

#include <atomic>
#include <memory>
#include <mutex>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <ogr_api.h>

#include "core/error.hpp"

namespace civic::data {
using geo::Feature;
namespace {

void init_gdal() {
  static std::once_flag once;
  std::call_once(once, [] {
    GDALAllRegister();
    // The core never prints: errors are read back with CPLGetLastErrorMsg.
    CPLSetErrorHandler(CPLQuietErrorHandler);
  });
}

struct DatasetCloser {
  void operator()(void* dataset) const { GDALClose(dataset); }
};
struct FeatureCloser {
  void operator()(void* feature) const { OGR_F_Destroy(feature); }
};

// An in-memory /vsimem/ file holding `content` for as long as it lives.
class MemoryFile {
public:
  MemoryFile(std::string_view content, const std::string& name) {
    static std::atomic<unsigned> counter{0};
    const auto dot = name.find_last_of('.');
    const std::string extension = dot == std::string::npos ? "" : name.substr(dot);
    m_path = "/vsimem/civic-" + std::to_string(counter++) + extension;
    auto* data = reinterpret_cast<GByte*>(const_cast<char*>(content.data()));
    VSIFCloseL(VSIFileFromMemBuffer(m_path.c_str(), data, static_cast<vsi_l_offset>(content.size()), FALSE));
  }
  ~MemoryFile() { VSIUnlink(m_path.c_str()); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  const std::string& path() const { return m_path; }

private:
  std::string m_path;
};

}  // namespace

void module_impl::read_features(std::string_view content, const std::string& name,
                   const std::function<void(const Feature&)>& on_feature) {
  init_gdal();
  MemoryFile file(content, name);
  CPLErrorReset();
  std::unique_ptr<void, DatasetCloser> dataset(
      GDALOpenEx(file.path().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!dataset || GDALDatasetGetLayerCount(dataset.get()) < 1) {
    throw Error("cannot read " + name + " as vector data: " + std::string(CPLGetLastErrorMsg()))
        .hint("the file is damaged or truncated; fetch the dataset again");
  }
  OGRLayerH layer = GDALDatasetGetLayer(dataset.get(), 0);
  OGRFeatureDefnH definition = OGR_L_GetLayerDefn(layer);
  const int field_count = OGR_FD_GetFieldCount(definition);
  Feature feature;
  while (true) {
    std::unique_ptr<void, FeatureCloser> handle(OGR_L_GetNextFeature(layer));
    if (!handle) {
      break;
    }
    feature.fields.clear();
    feature.wkb.clear();
    if (OGRGeometryH geometry = OGR_F_GetGeometryRef(handle.get())) {
      feature.wkb.resize(static_cast<std::size_t>(OGR_G_WkbSize(geometry)));
      OGR_G_ExportToWkb(geometry, wkbNDR, reinterpret_cast<unsigned char*>(feature.wkb.data()));
    }
    for (int i = 0; i < field_count; ++i) {
      if (OGR_F_IsFieldSetAndNotNull(handle.get(), i)) {
        feature.fields[OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, i))] =
            OGR_F_GetFieldAsString(handle.get(), i);
      }
    }
    on_feature(feature);
  }
}

}  // namespace civic::data
