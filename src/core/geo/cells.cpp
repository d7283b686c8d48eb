#include "core/geo/cells.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <cmath>

#include <sys/mman.h>
#include <unistd.h>

#include "core/error.hpp"

namespace civic::geo {
namespace {

// Spreads the 16 bits of v to the even bits of a 32-bit word.
std::uint32_t spread(std::uint32_t v) {
  v &= 0xFFFF;
  v = (v | (v << 8)) & 0x00FF00FF;
  v = (v | (v << 4)) & 0x0F0F0F0F;
  v = (v | (v << 2)) & 0x33333333;
  v = (v | (v << 1)) & 0x55555555;
  return v;
}

std::uint32_t quantize(double value, double min, double span) {
  const double scaled = std::floor((value - min) / span * 65536.0);
  return static_cast<std::uint32_t>(std::clamp(scaled, 0.0, 65535.0));
}

}  // namespace

CellCode cell_start(std::uint32_t x, std::uint32_t y, int depth) {
  return (spread(x) | (spread(y) << 1)) << (2 * (k_cell_bits - depth));
}

CellCode cell_code(LatLon point) {
  return spread(quantize(point.lon, -180, 360)) | (spread(quantize(point.lat, -90, 180)) << 1);
}

namespace {

void put(std::string& out, std::uint32_t v) {
  for (int shift = 0; shift < 32; shift += 8) {
    out += static_cast<char>((v >> shift) & 0xFF);
  }
}

std::uint32_t get(std::string_view in, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) {
    v = (v << 8) | static_cast<unsigned char>(in[at + static_cast<std::size_t>(i)]);
  }
  return v;
}

// Asks for huge pages under a large buffer about to be filled: in 4 KB
// pages, faulting tens of megabytes in costs more than reading them.
void advise_huge_pages(char* data, std::size_t bytes) {
#ifdef MADV_HUGEPAGE
  const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
  const auto begin = (reinterpret_cast<std::uintptr_t>(data) + page - 1) / page * page;
  const auto end = reinterpret_cast<std::uintptr_t>(data) + bytes;
  if (end > begin) {
    madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);  // advice only: failure is harmless
  }
#else
  (void)data;
  (void)bytes;
#endif
}

}  // namespace

std::string pack_leaves(std::span<const CellLeaf> leaves) {
  std::string out;
  out.reserve(leaves.size() * 12);
  for (const auto& leaf : leaves) {
    put(out, leaf.start);
    put(out, leaf.last);
    put(out, static_cast<std::uint32_t>(leaf.boundary));
  }
  return out;
}

CellLeaf unpack_leaf(std::string_view bytes) {
  return {get(bytes, 0), get(bytes, 4), static_cast<std::int64_t>(get(bytes, 8))};
}

std::string pack_pieces(const std::vector<const CellPiece*>& pieces) {
  std::string out;
  for (const auto* piece : pieces) {
    put(out, static_cast<std::uint32_t>(piece->boundary));
    put(out, static_cast<std::uint32_t>(piece->area_wkb.size()));
    out += piece->area_wkb;
    put(out, static_cast<std::uint32_t>(piece->edge_wkb.size()));
    out += piece->edge_wkb;
  }
  return out;
}

Error damaged_cell_index() {
  return std::move(Error("the cell index is damaged").hint("run 'civic data update' to rebuild it"));
}

std::vector<CellPiece> unpack_pieces(std::string_view blob) {
  std::vector<CellPiece> pieces;
  std::size_t at = 0;
  const auto take = [&](std::size_t n) {
    if (at + n > blob.size()) {
      throw damaged_cell_index();
    }
    const auto part = blob.substr(at, n);
    at += n;
    return part;
  };
  while (at < blob.size()) {
    CellPiece piece;
    piece.boundary = get(take(4), 0);
    piece.area_wkb = std::string(take(get(take(4), 0)));
    piece.edge_wkb = std::string(take(get(take(4), 0)));
    pieces.push_back(std::move(piece));
  }
  return pieces;
}

PackedLeaves::PackedLeaves(std::size_t bytes, const std::function<void(char* into)>& read) {
  if (bytes % k_packed_leaf_bytes != 0) {
    throw damaged_cell_index();
  }
  m_count = bytes / k_packed_leaf_bytes;
  m_words = std::make_unique_for_overwrite<std::uint32_t[]>(bytes / 4);
  auto* into = reinterpret_cast<char*>(m_words.get());
  advise_huge_pages(into, bytes);
  read(into);
  if constexpr (std::endian::native != std::endian::little) {
    for (std::size_t i = 0; i < bytes / 4; ++i) {
      m_words[i] = get(std::string_view(into, bytes), i * 4);
    }
  }
  m_first.assign((std::size_t{1} << (32 - k_prefix_shift)) + 1, static_cast<std::uint32_t>(m_count));
  std::size_t leaf = 0;
  for (std::size_t prefix = 0; prefix + 1 < m_first.size(); ++prefix) {
    while (leaf < m_count && (at(leaf).start >> k_prefix_shift) < prefix) {
      ++leaf;
    }
    m_first[prefix] = static_cast<std::uint32_t>(leaf);
  }
}

std::optional<CellLeaf> PackedLeaves::find(CellCode code) const {
  if (m_count == 0) {
    return std::nullopt;
  }
  const std::size_t prefix = code >> k_prefix_shift;
  // The leaf holding the code starts at or before it: in this prefix, or
  // the last leaf of an earlier one reaching into it.
  const std::size_t begin = m_first[prefix] > 0 ? m_first[prefix] - 1 : 0;
  const std::size_t end = m_first[prefix + 1];
  return find_leaf(end - begin, code, [&](std::size_t i) { return at(begin + i); });
}

PackedLeaves::PackedLeaves(std::string_view blob)
    : PackedLeaves(blob.size(), [&](char* into) { std::memcpy(into, blob.data(), blob.size()); }) {}

}  // namespace civic::geo
