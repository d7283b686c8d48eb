#include "core/bills/house_floor.hpp"

#include <fmt/format.h>

#include "core/data/xml.hpp"
#include "core/error.hpp"
#include "core/util/text.hpp"

namespace civic::bills {
namespace {

// "H.R. 1144", or the bill at the end of "Senate amendments to H.R. 5334".
std::optional<BillId> bill_of(const std::string& legis_num, int congress) {
  if (auto id = parse_bill_id(text::trim(legis_num), congress)) {
    return id;
  }
  const auto to = legis_num.rfind(" to ");
  return to == std::string::npos ? std::nullopt : parse_bill_id(text::trim(legis_num.substr(to + 4)), congress);
}

// The schedule breaks titles across lines: "Illegal Red Snapper \nand Tuna".
std::string squeeze_spaces(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    const bool blank = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (blank) {
      space = !out.empty();
    } else {
      if (space) {
        out += ' ';
      }
      out += c;
      space = false;
    }
  }
  return out;
}

void collect(const data::XmlElement& element, const std::string& category, int congress, FloorWeek& week) {
  for (const auto& child : element.children) {
    if (child.name == "category") {
      collect(child, child.attribute("type"), congress, week);
    } else if (child.name == "floor-item") {
      const auto legis_num = child.child_text("legis-num");
      const auto bill = bill_of(legis_num, congress);
      if (bill && child.attribute("remove-date").empty()) {
        week.items.push_back({*bill, legis_num, squeeze_spaces(child.child_text("floor-text")), category});
      }
    } else {
      collect(child, category, congress, week);
    }
  }
}

}  // namespace

FloorWeek parse_floor_schedule(std::string_view xml, const std::string& name) {
  const auto root = data::parse_xml(xml, name);
  if (root.name != "floorschedule") {
    throw Error(name + ": not a House floor schedule (the root element is <" + root.name + ">)");
  }
  FloorWeek week;
  week.week_date = root.attribute("week-date");
  const auto date = parse_date(week.week_date);
  int congress = 0;
  try {
    congress = std::stoi(root.attribute("congress-num"));
  } catch (const std::exception&) {
    congress = date ? congress_on(*date) : 0;
  }
  if (!date || congress <= 0) {
    throw Error(name + ": the floor schedule names no week (week-date) or Congress (congress-num)");
  }
  collect(root, "", congress, week);
  return week;
}

Date week_monday(Date day) {
  const std::chrono::sys_days days{day};
  const std::chrono::weekday weekday{days};
  const auto since_monday = (weekday - std::chrono::Monday).count();
  return Date{days - std::chrono::days{since_monday}};
}

std::string floor_schedule_url(std::string_view base, Date monday) {
  const auto compact = fmt::format("{:04}{:02}{:02}", static_cast<int>(monday.year()),
                                   static_cast<unsigned>(monday.month()), static_cast<unsigned>(monday.day()));
  std::string root(base);
  while (!root.empty() && root.back() == '/') {
    root.pop_back();
  }
  return root + "/" + compact + "/" + compact + ".xml";
}

}  // namespace civic::bills
