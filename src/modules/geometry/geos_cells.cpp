// Building the cell index of a boundary layer (see core/geo/cells.hpp):
// a quadtree cut with GEOS, each district clipped to each cell it touches
// (GEOSClipByRect), down to a solid cell or the deepest level.
#include <algorithm>
#include <cmath>
#include <mutex>

#include "core/error.hpp"
#include "core/modules/geometry.hpp"
#include "core/util/ordered_work.hpp"
#include "modules/geometry/geos_common.hpp"

namespace civic::geo {
namespace {

using geos::context;
using geos::Geometry;

constexpr double k_metres_per_degree = 111320.0;

struct Cell {
  std::uint32_t x = 0;
  std::uint32_t y = 0;
  int depth = 0;

  double lon0() const { return -180.0 + x * (360.0 / (1u << depth)); }
  double lon1() const { return -180.0 + (x + 1) * (360.0 / (1u << depth)); }
  double lat0() const { return -90.0 + y * (180.0 / (1u << depth)); }
  double lat1() const { return -90.0 + (y + 1) * (180.0 / (1u << depth)); }

  CellCode start() const { return cell_start(x, y, depth); }
  CellCode last() const { return start() + ((1u << (2 * (k_cell_bits - depth))) - 1); }
};

// The cell itself, a hair larger so that a point whose code puts it in the
// cell is inside even after rounding.
struct Rect {
  double min_lon, min_lat, max_lon, max_lat;
  double area() const { return (max_lon - min_lon) * (max_lat - min_lat); }
  bool intersects(const Bounds& b) const {
    return b.min_lon <= max_lon && b.max_lon >= min_lon && b.min_lat <= max_lat && b.max_lat >= min_lat;
  }
};

Rect exact(const Cell& cell) {
  constexpr double k_hair = 1e-9;
  return {cell.lon0() - k_hair, cell.lat0() - k_hair, cell.lon1() + k_hair, cell.lat1() + k_hair};
}

// The cell grown by the margin on every side (longitude degrees shrink
// towards the poles, so the margin in them grows).
Rect expanded(const Cell& cell, double margin_m) {
  const double lat_margin = margin_m / k_metres_per_degree;
  const double worst_lat = std::max(std::abs(cell.lat0()), std::abs(cell.lat1()));
  const double lon_margin = lat_margin / std::max(0.05, std::cos(worst_lat * M_PI / 180.0));
  return {cell.lon0() - lon_margin, cell.lat0() - lat_margin, cell.lon1() + lon_margin, cell.lat1() + lat_margin};
}

struct Piece {
  std::int64_t boundary;
  Geometry area;
  Geometry edge;
};

double area_of(const GEOSGeometry* g) {
  double area = 0;
  GEOSArea_r(context(), g, &area);
  return area;
}

Geometry clip(const GEOSGeometry* g, const Rect& r) {
  Geometry out(GEOSClipByRect_r(context(), g, r.min_lon, r.min_lat, r.max_lon, r.max_lat));
  if (!out) {
    throw Error("cannot clip a district to a cell");
  }
  return out;
}

class Builder {
public:
  explicit Builder(const CellParams& params) : m_params(params) {}

  void recurse(const Cell& cell, const std::vector<Piece>& parent) {
    const auto rect = expanded(cell, m_params.margin_m);
    std::vector<Piece> kept;
    bool solid = false;
    for (const auto& piece : parent) {
      auto area = clip(piece.area.get(), rect);
      if (GEOSisEmpty_r(context(), area.get()) == 1) {
        continue;
      }
      // A district covering the grown cell leaves no edge within the margin.
      solid = std::abs(area_of(area.get()) - rect.area()) <= 1e-9 * rect.area();
      kept.push_back({piece.boundary, std::move(area), clip(piece.edge.get(), rect)});
    }
    if (kept.empty()) {
      return;
    }
    if (kept.size() == 1 && solid) {
      m_index.leaves.push_back({cell.start(), cell.last(), kept.front().boundary});
      return;
    }
    if (cell.depth == k_piece_depth) {
      add_pieces(cell, kept);
    }
    if (cell.depth >= std::max(m_params.max_depth, k_piece_depth)) {
      m_index.leaves.push_back({cell.start(), cell.last(), 0});
      return;
    }
    for (std::uint32_t dy = 0; dy < 2; ++dy) {
      for (std::uint32_t dx = 0; dx < 2; ++dx) {
        recurse({cell.x * 2 + dx, cell.y * 2 + dy, cell.depth + 1}, kept);
      }
    }
  }

  CellIndex take() { return std::move(m_index); }

private:
  void add_pieces(const Cell& cell, const std::vector<Piece>& kept) {
    const auto inside = exact(cell);
    for (const auto& piece : kept) {
      // Only a point inside the cell ever asks; a district that reaches
      // just the margin keeps its edge (for distances) and an empty area.
      auto area = clip(piece.area.get(), inside);
      m_index.pieces.push_back(
          {cell.start(), piece.boundary, geos::write_wkb(area.get()), geos::write_wkb(piece.edge.get())});
    }
  }

  const CellParams& m_params;
  CellIndex m_index;
};

// Adjacent solid leaves of one district become one range, and so do
// adjacent mixed leaves (a point finds pieces by its own code).
void merge_leaves(std::vector<CellLeaf>& leaves) {
  std::sort(leaves.begin(), leaves.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
  std::vector<CellLeaf> merged;
  for (const auto& leaf : leaves) {
    if (!merged.empty() && merged.back().boundary == leaf.boundary &&
        merged.back().last + 1 == leaf.start) {
      merged.back().last = leaf.last;
    } else {
      merged.push_back(leaf);
    }
  }
  leaves = std::move(merged);
}

}  // namespace

CellIndex module_impl::build_cells(const std::vector<CellShape>& shapes, const CellParams& params) {
  // The tasks: cells at task_depth that some district's box reaches.
  std::vector<Cell> tasks;
  const std::uint32_t side = 1u << params.task_depth;
  for (std::uint32_t y = 0; y < side; ++y) {
    for (std::uint32_t x = 0; x < side; ++x) {
      const Cell cell{x, y, params.task_depth};
      const auto rect = expanded(cell, params.margin_m);
      if (std::any_of(shapes.begin(), shapes.end(), [&](const auto& s) { return rect.intersects(s.bounds); })) {
        tasks.push_back(cell);
      }
    }
  }
  std::vector<CellIndex> results(tasks.size());
  std::vector<std::string> failures(tasks.size());
  parallel_for(tasks.size(), [&](std::size_t t) {
    try {
      const auto rect = expanded(tasks[t], params.margin_m);
      std::vector<Piece> pieces;
      for (const auto& shape : shapes) {
        if (!rect.intersects(shape.bounds)) {
          continue;
        }
        auto whole = geos::read_wkb(shape.wkb);
        Geometry edge(GEOSBoundary_r(context(), whole.get()));
        pieces.push_back({shape.boundary, clip(whole.get(), rect), clip(edge.get(), rect)});
      }
      Builder builder(params);
      builder.recurse(tasks[t], pieces);
      results[t] = builder.take();
    } catch (const std::exception& e) {
      failures[t] = e.what();
    }
  });
  CellIndex index;
  for (std::size_t t = 0; t < tasks.size(); ++t) {
    if (!failures[t].empty()) {
      throw Error("building the cell index: " + failures[t]);
    }
    index.leaves.insert(index.leaves.end(), results[t].leaves.begin(), results[t].leaves.end());
    std::move(results[t].pieces.begin(), results[t].pieces.end(), std::back_inserter(index.pieces));
  }
  merge_leaves(index.leaves);
  return index;
}

}  // namespace civic::geo
