#pragma once
// A precomputed cell index over each boundary layer, so that most points
// need no geometry at all.
//
// The world is cut in a quadtree (lon -180..180 × lat -90..90) down to
// k_cell_depth. A cell wholly inside one district, with k_cell_margin_m to
// spare on every side, is a "solid" leaf: any point in it is in that
// district and not near its edge. A cell an edge passes near is a "mixed"
// leaf: it keeps each district's polygon and boundary line clipped to the
// cell plus the margin, small enough to test a point exactly. Cells no
// district touches are not stored. Leaves are ranges of Morton codes, so
// finding a point's leaf is a binary search (or one indexed query).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/geo/point.hpp"

namespace civic::geo {

using CellCode = std::uint32_t;

inline constexpr int k_cell_bits = 16;  // Morton codes of points: 16 bits of lon and lat
inline constexpr double k_cell_margin_m = 100;

// The Morton code of the finest cell holding the point.
CellCode cell_code(LatLon point);
// The Morton code of the cell (x, y) at `depth` (x and y below 2^depth),
// shifted to the finest level: the first code of the cell.
CellCode cell_start(std::uint32_t x, std::uint32_t y, int depth);

struct CellLeaf {
  CellCode start = 0;  // the leaf holds codes start..last
  CellCode last = 0;
  std::int64_t boundary = 0;  // > 0: solid, inside this boundary; 0: mixed, see its pieces
};

struct CellPiece {
  CellCode start = 0;  // of its mixed leaf
  std::int64_t boundary = 0;
  std::string area_wkb;  // the district's polygon within the cell
  std::string edge_wkb;  // the district's boundary line within the cell and its margin
};

struct CellIndex {
  std::vector<CellLeaf> leaves;  // sorted by start, not overlapping
  std::vector<CellPiece> pieces;
};

// Leaves as a blob of little-endian uint32 triples (start, last, boundary),
// and back; throws on a blob of the wrong size.
inline constexpr std::size_t k_packed_leaf_bytes = 12;
std::string pack_leaves(const std::vector<CellLeaf>& leaves);
std::vector<CellLeaf> unpack_leaves(std::string_view blob);
CellLeaf unpack_leaf(std::string_view bytes);  // one triple

// The pieces of one mixed leaf in one blob: for each, little-endian uint32
// boundary, area length, area WKB, edge length, edge WKB.
std::string pack_pieces(const std::vector<const CellPiece*>& pieces);
std::vector<CellPiece> unpack_pieces(std::string_view blob);

// The layers in a fixed order, and the row key of a leaf's pieces.
inline constexpr const char* k_cell_layers[] = {"cd", "sldu", "sldl"};
inline std::int64_t piece_key(std::size_t layer, CellCode start) {
  return (static_cast<std::int64_t>(layer) << 32) | start;
}

struct CellShape {
  std::int64_t boundary = 0;
  std::string wkb;
  Bounds bounds;
};

struct CellParams {
  int max_depth = 13;   // leaves are at most this deep (about 4 km at mid latitudes)
  int task_depth = 5;   // work is split in cells of this depth, one per thread at a time
  double margin_m = k_cell_margin_m;
};

}  // namespace civic::geo
