#pragma once
// How bills look: the catalog listing and one bill's card, in every format.

#include <vector>

#include "cli/output.hpp"
#include "core/bills/catalog.hpp"

namespace civic::cli {

void write_bill(JsonWriter& json, const bills::Bill& bill);
// Refers to `bills`: emit it while they live. `today` ages the status.
Listing bills_listing(const std::vector<const bills::Bill*>& bills);
Record bill_record(const bills::Bill& bill, const Palette& palette, Date today);

}  // namespace civic::cli
