#pragma once
// The supporters CSV read through the campaign's column map: who each
// supporter is, what they send as, and where they live, as the bulk
// locator reads places.

#include <map>
#include <string>
#include <vector>

#include "core/campaign/campaign_file.hpp"
#include "core/error.hpp"
#include "core/geo/bulk.hpp"
#include "core/letters/plan.hpp"

namespace civic::campaign {

// A supporter: a sender as planning takes them, and where their place came from.
struct Supporter : letters::SenderInput {
  std::string place_column;  // the column the place was read from, for problems
};

struct SupporterList {
  std::vector<Supporter> supporters;  // in file order, usable rows only
  std::vector<Problem> problems;      // rows left out, and why (line, supporter id, column)
  std::vector<geo::PlaceQuery> places;  // each supporter's, for geo::locate_rows
};

// Throws a usage Error when the template prints a sender detail that no
// supporter column is mapped to (every row would fail the same way), uses
// a supporter.<field> the campaign does not map, or when the campaign maps
// a column to a field that is neither known nor used by the template.
void check_template_fields(const Campaign& campaign, const letters::LetterTemplate& letter_template);

// Throws a usage Error naming the file and column when a mapped column is
// missing from the header; a bad row is a Problem.
SupporterList read_supporters(const Campaign& campaign, const std::string& csv_text);

}  // namespace civic::campaign
