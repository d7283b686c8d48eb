#pragma once
// Contacts as files, so a journal moves between machines and tools: export
// writes CSV or JSON with every field; import reads either back, matching on
// the uid, so the same file imported twice adds nothing.

#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/journal/contact.hpp"

namespace civic::journal {

enum class ExchangeFormat { csv, json };

// The fields in export order: the CSV header and the JSON keys.
const std::vector<std::string_view>& exchange_fields();

std::string export_contacts(const std::vector<Contact>& contacts, ExchangeFormat format);

// Reads a file written by export (or by hand in the same shape). Every bad
// field is reported, as file:line (CSV) or file: record N (JSON); any error
// stops the import before a row is added.
std::vector<Contact> read_exchange(std::string_view content, const std::string& name, ExchangeFormat format);

struct ImportResult {
  long added = 0;
  long already_present = 0;
};

// Adds the contacts whose uid is not in the journal yet, in one transaction.
ImportResult import_contacts(SQLite::Database& db, std::vector<Contact> contacts, const std::string& now);

}  // namespace civic::journal
