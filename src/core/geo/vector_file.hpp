#pragma once
// Reading vector data files (GeoJSON, TopoJSON) through GDAL/OGR, from
// bytes already in memory, so a file read over HTTP and one read from disk
// take the same path. GDAL itself is in the civic_files module.

#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace civic::geo {

struct Feature {
  std::map<std::string, std::string> fields;  // attribute name -> value as text
  std::string wkb;                            // the geometry, "" when it has none
};

// Calls `on_feature` for every feature of the file's first layer. `name`
// (the file's path or URL) is used in errors and to pick the driver by its
// extension. Throws civic::Error naming the file when GDAL cannot read it.
void read_features(std::string_view content, const std::string& name,
                   const std::function<void(const Feature&)>& on_feature);

}  // namespace civic::geo
