#pragma once
// Bill numbers as people write them ("H.R. 1144", "S.1829", "hr1144") and
// as the unitedstates/congress data and Congress.gov name them
// ("hr1144-119"), plus public laws ("P.L. 119-73").

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace civic::bills {

// The eight kinds of measure, in Congress.gov's lower-case spelling.
enum class BillType { hr, s, hjres, sjres, hconres, sconres, hres, sres };

struct BillId {
  int congress = 0;
  BillType type = BillType::hr;
  int number = 0;

  std::string canonical() const;  // "hr1144-119"
  std::string display() const;    // "H.R. 1144"
  std::string url() const;        // https://www.congress.gov/bill/119th-congress/house-bill/1144
  bool operator==(const BillId&) const = default;
};

struct LawId {
  int congress = 0;
  int number = 0;
  std::string display() const;  // "P.L. 119-73"
  bool operator==(const LawId&) const = default;
};

// The Congress sitting on `date`: each begins on January 3 of an odd year.
int congress_on(Date date);
// "119th", "121st", "122nd".
std::string ordinal(int n);
std::string_view type_code(BillType type);  // "hr", "sjres"

// Reads "hr1144-119", "H.R. 1144", "HR1144", "h.r.1144", "S. 1829",
// "H.J.Res. 7" and congress.gov bill URLs; without a congress, the
// `default_congress`. nullopt when the text is not a bill number.
std::optional<BillId> parse_bill_id(std::string_view text, int default_congress);
// "P.L. 119-73", "PL 119-73", "Public Law 119-73".
std::optional<LawId> parse_law_id(std::string_view text);

}  // namespace civic::bills
