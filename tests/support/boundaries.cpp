#include "support/boundaries.hpp"

#include <cstring>

#include "core/data/reference_db.hpp"
#include "core/modules/geometry.hpp"
#include "core/reps/states.hpp"

namespace civic::test {
namespace {

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) {
    out += static_cast<char>((v >> (8 * i)) & 0xFF);
  }
}

void put_f64(std::string& out, double v) {
  char bytes[8];
  std::memcpy(bytes, &v, 8);
  out.append(bytes, 8);
}

void put_polygon(std::string& out, const Polygon& polygon) {
  out += '\x01';  // little endian
  put_u32(out, 3);  // Polygon
  put_u32(out, static_cast<std::uint32_t>(polygon.size()));
  for (auto ring : polygon) {
    if (ring.front() != ring.back()) {
      ring.push_back(ring.front());
    }
    put_u32(out, static_cast<std::uint32_t>(ring.size()));
    for (const auto& [lon, lat] : ring) {
      put_f64(out, lon);
      put_f64(out, lat);
    }
  }
}

}  // namespace

Ring box(double west, double south, double east, double north) {
  return {{west, south}, {east, south}, {east, north}, {west, north}, {west, south}};
}

std::string wkb_of(const std::vector<Polygon>& parts) {
  std::string out;
  if (parts.size() == 1) {
    put_polygon(out, parts.front());
    return out;
  }
  out += '\x01';
  put_u32(out, 6);  // MultiPolygon
  put_u32(out, static_cast<std::uint32_t>(parts.size()));
  for (const auto& part : parts) {
    put_polygon(out, part);
  }
  return out;
}

void write_boundary_db(const std::filesystem::path& path, const std::vector<TestDistrict>& districts) {
  std::filesystem::create_directories(path.parent_path());
  std::filesystem::remove(path);
  data::ReferenceWriter writer(path);
  std::vector<geo::Boundary> boundaries;
  for (const auto& d : districts) {
    auto normalized = geo::geometry_module().normalize(wkb_of(d.parts));
    geo::Boundary b;
    b.id = static_cast<std::int64_t>(boundaries.size() + 1);
    b.layer = d.layer;
    b.state = d.state;
    b.geoid = d.geoid;
    b.division_id = "test/" + d.layer + ":" + d.geoid;
    b.district = d.geoid;
    b.name = d.layer + " " + d.geoid;
    b.wkb = std::move(normalized.wkb);
    b.bounds = normalized.bounds;
    b.repaired = normalized.repaired;
    b.vertices = normalized.vertices;
    b.source = "test";
    writer.add_boundary(b);
    boundaries.push_back(std::move(b));
  }
  for (const char* layer : geo::k_cell_layers) {
    std::vector<geo::CellShape> shapes;
    for (const auto& b : boundaries) {
      if (b.layer == layer) {
        shapes.push_back({b.id, b.wkb, b.bounds});
      }
    }
    writer.add_cells(layer, geo::geometry_module().build_cells(shapes, geo::CellParams{}));
  }
  writer.finish("2026-11-28T12:00:00Z", "test");
}

}  // namespace civic::test
