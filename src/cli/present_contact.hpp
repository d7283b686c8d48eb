#pragma once
// How journal contacts and their statistics look in each format.

#include <string_view>
#include <vector>

#include "cli/output.hpp"
#include "core/journal/contact.hpp"
#include "core/journal/stats.hpp"

namespace civic::cli {

Listing contacts_listing(const std::vector<journal::Contact>& contacts);
Record contact_record(const journal::Contact& contact);
Listing stats_listing(const journal::JournalStats& stats);
// The CSV's columns: "id", the journal's exchange fields, "deleted_at".
const std::vector<std::string_view>& contact_csv_columns();

// "call to U.S. Senator Maria Cantwell (WA) about hr1144-119": one line for
// messages.
std::string contact_summary(const journal::Contact& contact);

}  // namespace civic::cli
