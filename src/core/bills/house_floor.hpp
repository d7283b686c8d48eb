#pragma once
// The House's weekly floor schedule (docs.house.gov/billsthisweek/
// {YYYYMMDD}/{YYYYMMDD}.xml, the week's Monday): the bills that may come to
// a vote that week.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/bills/bill_id.hpp"
#include "core/clock.hpp"

namespace civic::bills {

struct FloorItem {
  BillId bill;
  std::string legis_num;  // as the schedule writes it: "H.R. 1144", "Senate amendments to H.R. 5334"
  std::string text;       // the bill's title as the schedule gives it
  std::string category;   // "Items that may be considered under suspension of the rules"
};

struct FloorWeek {
  std::string week_date;  // the Monday, 2026-09-14
  std::vector<FloorItem> items;  // removed items left out
};

// Throws an Error naming `name` when the XML is malformed or is not a floor
// schedule.
FloorWeek parse_floor_schedule(std::string_view xml, const std::string& name);

// The Monday of the week `day` falls in.
Date week_monday(Date day);
// base + "/20260914/20260914.xml".
std::string floor_schedule_url(std::string_view base, Date monday);

}  // namespace civic::bills
