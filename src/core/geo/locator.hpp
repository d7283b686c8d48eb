#pragma once
// Point → districts on the congressional and state legislative layers,
// through the cell index (cells.hpp): a solid cell answers at once; in a
// mixed cell GEOS tests the point against the small pieces kept there.
//
// The boundary files are generalised, and each state's legislative file was
// simplified on its own, so neighbouring states overlap and leave slivers.
// The districts of the state the point's congressional district belongs to
// win; the rest are reported, and the point is flagged near a boundary.

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/geo/cells.hpp"
#include "core/modules/geometry.hpp"
#include "core/geo/point.hpp"

namespace civic::geo {

// A district of a boundary layer, as stored.
struct District {
  std::string layer;  // cd | sldu | sldl
  std::string state;
  std::string geoid;
  std::string division_id;
  std::string district;  // "7", "at-large", "2nd Worcester"
  std::string name;
  std::string vintage;
};

// A district a point falls in (shared: bulk work meets each many times).
struct DistrictMatch {
  std::shared_ptr<const District> info;
  // Metres to the district's edge; infinity when it is farther than the
  // cell margin (k_cell_margin_m).
  double edge_distance_m = std::numeric_limits<double>::infinity();
  // The point is in no district of this layer for its state (a gap between
  // boundary files); this is the nearest one, within the margin.
  bool nearest_only = false;
};

struct PointDistricts {
  std::string state;  // the congressional district's state; "" outside them all
  std::vector<DistrictMatch> cd;
  std::vector<DistrictMatch> sldu;
  std::vector<DistrictMatch> sldl;
  std::vector<DistrictMatch> other_states;  // legislative districts of a neighbour the point also falls in
  double nearest_edge_m = std::numeric_limits<double>::infinity();
  // Within k_near_boundary_m of another district, on one of the layers.
  bool near_boundary = false;
};

inline constexpr double k_near_boundary_m = 100;

class Locator {
public:
  using Districts = std::unordered_map<std::int64_t, std::shared_ptr<const District>>;
  // What bulk work reads once and the locators of its threads share:
  // every layer's leaves and every district.
  struct Index {
    std::array<PackedLeaves, std::size(k_cell_layers)> leaves;
    Districts districts;
  };
  static std::shared_ptr<const Index> load_index(SQLite::Database& db);

  // Reads the few leaves and districts each lookup needs from the database.
  explicit Locator(SQLite::Database& db);
  // Finds them in memory (bulk work).
  Locator(SQLite::Database& db, std::shared_ptr<const Index> index);
  ~Locator();
  Locator(const Locator&) = delete;
  Locator& operator=(const Locator&) = delete;

  PointDistricts locate(LatLon point);
  // Drops the cached pieces of mixed cells (bulk work, between blocks).
  void forget_pieces();

private:
  using Leaf = CellLeaf;
  struct Piece {
    std::int64_t boundary;
    std::unique_ptr<Shape> shape;
  };
  struct Layer;

  std::optional<Leaf> find_leaf(Layer& layer, CellCode code);
  const std::vector<Piece>& pieces(Layer& layer, CellCode start);
  DistrictMatch match(std::int64_t boundary);
  void locate_in(Layer& layer, LatLon point, CellCode code, std::vector<DistrictMatch>& hits,
                 std::vector<std::pair<std::int64_t, double>>& near_edges);

  std::shared_ptr<const Index> m_index;  // null: lookups read the database
  std::vector<std::unique_ptr<Layer>> m_layers;
  SQLite::Statement m_boundary;
  Districts m_districts;  // those read so far, without an index
};

}  // namespace civic::geo
