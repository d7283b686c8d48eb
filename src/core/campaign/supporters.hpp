#pragma once
// The supporters CSV read through the campaign's column map: who each
// supporter is, what they send as, and where they live, as the bulk
// locator reads places.

#include <map>
#include <string>
#include <vector>

#include "core/campaign/campaign_file.hpp"
#include "core/letters/letter.hpp"

namespace civic::campaign {

struct Supporter {
  std::size_t row = 0;  // the CSV line
  std::string id;
  letters::Sender sender;
  std::string story;
  std::map<std::string, std::string> fields;  // the template's own: {{supporter.<field>}}
  std::string place_column;  // the column the place was read from, for problems
};

struct Problem {
  std::size_t row = 0;
  std::string supporter_id;
  std::string column;
  std::string reason;
};

struct SupporterList {
  std::vector<Supporter> supporters;  // in file order, usable rows only
  std::vector<Problem> problems;      // rows left out, and why
  // id,lat,lon,zip,street,city,state: the places, for geo::locate_rows
  std::string places_csv;
};

// Throws a usage Error naming the file and column when a mapped column is
// missing from the header; a bad row is a Problem.
SupporterList read_supporters(const Campaign& campaign, const std::string& csv_text);

}  // namespace civic::campaign
