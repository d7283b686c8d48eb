#include "core/geo/locator.hpp"

#include <algorithm>
#include <cmath>

#include <sqlite3.h>

#include "core/db/statement.hpp"
#include "core/error.hpp"

namespace civic::geo {

struct Locator::Layer {
  Layer(SQLite::Database& db, std::size_t layer_no)
      : number(layer_no),
        leaf_row(db, "SELECT leaves FROM cell_leaves WHERE key BETWEEN ? AND ? ORDER BY key DESC LIMIT 1"),
        pieces_row(db, "SELECT pieces FROM cell_pieces WHERE key = ?") {}

  std::size_t number;
  SQLite::Statement leaf_row;
  SQLite::Statement pieces_row;
  const PackedLeaves* leaves = nullptr;  // in memory; else read by leaf_row
  std::unordered_map<CellCode, std::vector<Piece>> pieces;
};

namespace {

std::string_view blob_view(const SQLite::Column& column) {
  return {static_cast<const char*>(column.getBlob()), static_cast<std::size_t>(column.getBytes())};
}

constexpr const char* k_district_columns = "id, layer, state, geoid, division_id, district, name, vintage";

std::shared_ptr<const District> read_district(SQLite::Statement& row) {
  auto district = std::make_shared<District>();
  int i = 1;
  for (auto* field : {&district->layer, &district->state, &district->geoid, &district->division_id,
                      &district->district, &district->name, &district->vintage}) {
    *field = db::text(row, i++);
  }
  return district;
}

// A layer's runs of leaves, in order, read straight into one block of
// memory (incremental blob I/O reads long values past the page cache).
PackedLeaves read_leaves(SQLite::Database& db, std::size_t layer) {
  const auto first = static_cast<int64_t>(cell_key(layer, 0));
  const auto last = static_cast<int64_t>(cell_key(layer, ~CellCode{0}));
  SQLite::Statement runs(db, "SELECT key, length(leaves) FROM cell_leaves WHERE key BETWEEN ? AND ? ORDER BY key");
  db::bind(runs, first, last);
  std::vector<std::pair<sqlite3_int64, std::size_t>> sizes;
  std::size_t bytes = 0;
  while (runs.executeStep()) {
    sizes.emplace_back(runs.getColumn(0).getInt64(), static_cast<std::size_t>(runs.getColumn(1).getInt64()));
    bytes += sizes.back().second;
  }
  return PackedLeaves(bytes, [&](char* into) {
    sqlite3_blob* blob = nullptr;
    int status = SQLITE_OK;
    for (const auto& [key, size] : sizes) {
      status = blob == nullptr ? sqlite3_blob_open(db.getHandle(), "main", "cell_leaves", "leaves", key, 0, &blob)
                               : sqlite3_blob_reopen(blob, key);
      if (status == SQLITE_OK) {
        status = sqlite3_blob_read(blob, into, static_cast<int>(size), 0);
      }
      if (status != SQLITE_OK) {
        break;
      }
      into += size;
    }
    sqlite3_blob_close(blob);
    if (status != SQLITE_OK) {
      throw damaged_cell_index();
    }
  });
}

}  // namespace

std::shared_ptr<const Locator::Index> Locator::load_index(SQLite::Database& db) {
  auto index = std::make_shared<Index>();
  for (std::size_t i = 0; i < index->leaves.size(); ++i) {
    index->leaves[i] = read_leaves(db, i);
  }
  SQLite::Statement all(db, std::string("SELECT ") + k_district_columns + " FROM boundary");
  while (all.executeStep()) {
    index->districts.emplace(all.getColumn(0).getInt64(), read_district(all));
  }
  return index;
}

Locator::Locator(SQLite::Database& db, std::shared_ptr<const Index> index)
    : m_index(std::move(index)),
      m_boundary(db, std::string("SELECT ") + k_district_columns + " FROM boundary WHERE id = ?") {
  for (std::size_t i = 0; i < std::size(k_cell_layers); ++i) {
    auto layer = std::make_unique<Layer>(db, i);
    if (m_index) {
      layer->leaves = &m_index->leaves[i];
    }
    m_layers.push_back(std::move(layer));
  }
}

Locator::Locator(SQLite::Database& db) : Locator(db, nullptr) {}

Locator::~Locator() = default;

void Locator::forget_pieces() {
  for (auto& layer : m_layers) {
    layer->pieces.clear();
  }
}

std::optional<Locator::Leaf> Locator::find_leaf(Layer& layer, CellCode code) {
  if (layer.leaves != nullptr) {
    return layer.leaves->find(code);
  }
  // The run of leaves starting at or before the code holds its leaf.
  layer.leaf_row.reset();
  db::bind(layer.leaf_row, static_cast<int64_t>(cell_key(layer.number, 0)),
           static_cast<int64_t>(cell_key(layer.number, code)));
  if (!layer.leaf_row.executeStep()) {
    return std::nullopt;
  }
  const auto run = blob_view(layer.leaf_row.getColumn(0));
  if (run.size() % k_packed_leaf_bytes != 0) {
    throw damaged_cell_index();
  }
  return geo::find_leaf(run.size() / k_packed_leaf_bytes, code, [&](std::size_t i) {
    return unpack_leaf(run.substr(i * k_packed_leaf_bytes, k_packed_leaf_bytes));
  });
}

const std::vector<Locator::Piece>& Locator::pieces(Layer& layer, CellCode start) {
  auto [it, added] = layer.pieces.try_emplace(start);
  if (!added) {
    return it->second;
  }
  layer.pieces_row.reset();
  layer.pieces_row.bind(1, static_cast<int64_t>(cell_key(layer.number, start)));
  if (layer.pieces_row.executeStep()) {
    for (const auto& piece : unpack_pieces(blob_view(layer.pieces_row.getColumn(0)))) {
      it->second.push_back({piece.boundary, geometry_module().load_piece(piece.area_wkb, piece.edge_wkb)});
    }
  }
  return it->second;
}

DistrictMatch Locator::match(std::int64_t boundary) {
  const auto missing = [&] {
    return Error("internal: the cell index names boundary " + std::to_string(boundary) + ", which is missing")
        .hint("run 'civic data update' to rebuild the reference data");
  };
  const auto& known = m_index ? m_index->districts : m_districts;
  auto it = known.find(boundary);
  if (it == known.end()) {
    if (m_index) {
      throw missing();  // the index holds every district
    }
    m_boundary.reset();
    m_boundary.bind(1, static_cast<int64_t>(boundary));
    if (!m_boundary.executeStep()) {
      throw missing();
    }
    it = m_districts.emplace(boundary, read_district(m_boundary)).first;
  }
  DistrictMatch m;
  m.info = it->second;
  return m;
}

// The districts of one layer holding the point, and every district edge of
// the layer within the margin (for the near-boundary and gap rules).
void Locator::locate_in(Layer& layer, LatLon point, CellCode code, std::vector<DistrictMatch>& hits,
                        std::vector<std::pair<std::int64_t, double>>& near_edges) {
  const auto leaf = find_leaf(layer, code);
  if (!leaf) {
    return;
  }
  if (leaf->boundary != 0) {
    hits.push_back(match(leaf->boundary));
    return;
  }
  for (const auto& piece : pieces(layer, piece_cell(code))) {
    // A piece keeps the edge within the cell and its margin only: a farther
    // edge may be nearer somewhere outside it, so beyond the margin the
    // distance is unknown.
    const double distance = piece.shape->edge_distance_within_m(point, k_cell_margin_m);
    if (piece.shape->covers(point)) {
      auto m = match(piece.boundary);
      m.edge_distance_m = distance;
      hits.push_back(std::move(m));
    } else if (std::isfinite(distance)) {
      near_edges.emplace_back(piece.boundary, distance);
    }
  }
}

PointDistricts Locator::locate(LatLon point) {
  PointDistricts out;
  const auto code = cell_code(point);
  std::vector<DistrictMatch> hits[3];
  std::vector<std::pair<std::int64_t, double>> near_edges[3];
  for (std::size_t i = 0; i < m_layers.size(); ++i) {
    locate_in(*m_layers[i], point, code, hits[i], near_edges[i]);
  }
  // Two congressional districts at once happens only on a shared edge;
  // the one the point is deeper in decides the state.
  std::sort(hits[0].begin(), hits[0].end(),
            [](const auto& a, const auto& b) { return a.edge_distance_m > b.edge_distance_m; });
  out.cd = std::move(hits[0]);
  if (!out.cd.empty()) {
    out.state = out.cd.front().info->state;
  }
  for (std::size_t i = 1; i < 3; ++i) {
    auto& kept = i == 1 ? out.sldu : out.sldl;
    for (auto& hit : hits[i]) {
      (out.state.empty() || hit.info->state == out.state ? kept : out.other_states).push_back(std::move(hit));
    }
    // A point in a sliver between states gets its own state's nearest district.
    if (kept.empty() && !out.state.empty()) {
      std::optional<DistrictMatch> nearest;
      for (const auto& [boundary, distance] : near_edges[i]) {
        auto m = match(boundary);
        if (m.info->state == out.state && (!nearest || distance < nearest->edge_distance_m)) {
          m.edge_distance_m = distance;
          m.nearest_only = true;
          nearest = std::move(m);
        }
      }
      if (nearest) {
        kept.push_back(std::move(*nearest));
      }
    }
  }
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& kept = i == 0 ? out.cd : i == 1 ? out.sldu : out.sldl;
    for (const auto& m : kept) {
      out.nearest_edge_m = std::min(out.nearest_edge_m, m.edge_distance_m);
      // Near a boundary: close to its own edge with another district just
      // across it (a coast with nothing across is not a boundary).
      const bool neighbour = std::any_of(near_edges[i].begin(), near_edges[i].end(),
                                         [](const auto& e) { return e.second < k_near_boundary_m; });
      out.near_boundary = out.near_boundary || m.nearest_only ||
                          (m.edge_distance_m < k_near_boundary_m && (neighbour || kept.size() > 1));
    }
    out.near_boundary = out.near_boundary || kept.size() > 1;
  }
  out.near_boundary = out.near_boundary || !out.other_states.empty();
  return out;
}

}  // namespace civic::geo
