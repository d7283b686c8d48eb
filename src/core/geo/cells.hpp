#pragma once
// A precomputed cell index over each boundary layer, so that most points
// need no geometry at all.
//
// The world is cut in a quadtree (lon -180..180 × lat -90..90) down to
// CellParams::max_depth. A cell wholly inside one district, with
// k_cell_margin_m to spare on every side, is a "solid" leaf: any point in it
// is in that district and not near its edge. A cell an edge passes near is
// a "mixed" leaf. Cells at k_piece_depth that hold mixed leaves keep their
// "pieces": each district's polygon and boundary line clipped to the cell
// plus the margin, small enough to test a point exactly. Leaves go deeper
// than the pieces, so most points near an edge still land in a solid leaf
// and need no geometry. Cells no district touches are not stored. Leaves
// are ranges of Morton codes, so finding a point's leaf is a binary search.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
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
  std::int64_t boundary = 0;  // > 0: solid, inside this boundary; 0: mixed, see the pieces of its piece cell
};

// The depth of the cells that keep pieces (about 4 km at mid latitudes),
// and the first code of the one holding a code.
inline constexpr int k_piece_depth = 13;
inline constexpr CellCode piece_cell(CellCode code) {
  return code & ~((CellCode{1} << (2 * (k_cell_bits - k_piece_depth))) - 1);
}

struct CellPiece {
  CellCode start = 0;  // of its piece cell
  std::int64_t boundary = 0;
  std::string area_wkb;  // the district's polygon within the cell
  std::string edge_wkb;  // the district's boundary line within the cell and its margin
};

struct CellIndex {
  std::vector<CellLeaf> leaves;  // sorted by start, not overlapping
  std::vector<CellPiece> pieces;
};

// What reading a cell index row that makes no sense throws.
Error damaged_cell_index();

// Leaves as a blob of little-endian uint32 triples (start, last, boundary),
// stored in runs: a lookup reads the one run holding its code (a dozen
// pages), bulk work reads them all (SQLite reads long values straight
// into place, past its page cache).
inline constexpr std::size_t k_packed_leaf_bytes = 12;
inline constexpr std::size_t k_leaves_per_row = 4096;
std::string pack_leaves(std::span<const CellLeaf> leaves);
CellLeaf unpack_leaf(std::string_view bytes);  // one triple

// The leaf holding `code` among `count` sorted leaves, where leaf_at(i)
// reads the i-th: a binary search on whatever holds them.
template <class LeafAt>
std::optional<CellLeaf> find_leaf(std::size_t count, CellCode code, LeafAt&& leaf_at) {
  std::size_t low = 0;
  std::size_t high = count;
  std::optional<CellLeaf> found;
  while (low < high) {
    const std::size_t mid = low + (high - low) / 2;
    const CellLeaf leaf = leaf_at(mid);
    if (leaf.start <= code) {
      found = leaf;
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  if (!found || found->last < code) {
    return std::nullopt;
  }
  return found;
}

// A layer's packed leaves held in memory as they are stored, twelve bytes
// a leaf (bulk work keeps every layer's and shares them between threads).
class PackedLeaves {
public:
  PackedLeaves() = default;
  // `bytes` of packed leaves that `read` writes straight into place: bulk
  // work loads tens of megabytes, and copying or zeroing them first costs
  // more than reading them. Throws when `bytes` is not whole triples.
  PackedLeaves(std::size_t bytes, const std::function<void(char* into)>& read);
  explicit PackedLeaves(std::string_view blob);
  std::size_t size() const { return m_count; }
  CellLeaf at(std::size_t i) const {
    return {m_words[i * 3], m_words[i * 3 + 1], static_cast<std::int64_t>(m_words[i * 3 + 2])};
  }
  std::optional<CellLeaf> find(CellCode code) const;

private:
  std::unique_ptr<std::uint32_t[]> m_words;  // native byte order
  std::size_t m_count = 0;
  // m_first[p]: the first leaf starting at or after p << k_prefix_shift, so
  // a search looks at the few leaves of one prefix, not at millions.
  static constexpr int k_prefix_shift = 16;
  std::vector<std::uint32_t> m_first;
};

// The pieces of one mixed leaf in one blob: for each, little-endian uint32
// boundary, area length, area WKB, edge length, edge WKB.
std::string pack_pieces(const std::vector<const CellPiece*>& pieces);
std::vector<CellPiece> unpack_pieces(std::string_view blob);

// The layers in a fixed order, and the row key of a layer's cell: of the
// pieces of a piece cell, or of the run of leaves starting at a leaf.
inline constexpr const char* k_cell_layers[] = {"cd", "sldu", "sldl"};
inline std::int64_t cell_key(std::size_t layer, CellCode start) {
  return (static_cast<std::int64_t>(layer) << 32) | start;
}

struct CellShape {
  std::int64_t boundary = 0;
  std::string wkb;
  Bounds bounds;
};

struct CellParams {
  int max_depth = 15;   // leaves are at most this deep (about 1 km at mid latitudes); at least k_piece_depth
  int task_depth = 5;   // work is split in cells of this depth, one per thread at a time
  double margin_m = k_cell_margin_m;
};

}  // namespace civic::geo
