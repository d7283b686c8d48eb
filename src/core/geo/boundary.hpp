#pragma once
// A district's polygon as stored in reference.db: which layer and district
// it is, the OCD division it stands for, and its geometry (valid WKB).

#include <cstdint>
#include <string>

#include "core/geo/point.hpp"

namespace civic::geo {

// The boundary layers: congressional districts, state upper and lower
// legislative districts. The names are the Census layer codes.
inline constexpr const char* k_layer_cd = "cd";
inline constexpr const char* k_layer_sldu = "sldu";
inline constexpr const char* k_layer_sldl = "sldl";

struct Boundary {
  std::int64_t id = 0;  // its row in reference.db, given before writing
  std::string layer;
  std::string state;  // USPS code
  std::string geoid;  // Census GEOID: "5307", "53024", "25D01"
  std::string division_id;
  std::string district;  // as a reader names it: "7", "at-large", "2nd Worcester"
  std::string name;      // "Congressional District 7"
  std::string vintage;  // "119th Congress", "2024"
  std::string source;
  std::string wkb;
  Bounds bounds;
  bool repaired = false;
  int vertices = 0;
};

}  // namespace civic::geo
