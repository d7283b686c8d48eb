#include "core/journal/exchange.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/local_time.hpp"
#include "core/util/csv.hpp"
#include "core/util/json_writer.hpp"
#include "core/util/stable_id.hpp"
#include "core/util/text.hpp"

namespace civic::journal {
namespace {

using Fields = std::map<std::string, std::string, std::less<>>;

template <class E>
std::optional<std::string> word(const std::optional<E>& value) {
  return value ? std::optional<std::string>(to_string(*value)) : std::nullopt;
}

std::vector<std::optional<std::string>> values_of(const Contact& c) {
  auto text = [](const std::string& s) { return s.empty() ? std::nullopt : std::optional(s); };
  return {c.uid,          c.at,         c.official.id, c.official.name, c.official.title, text(c.official.state),
          text(c.official.district), std::string(to_string(c.channel)), c.bill, word(c.stance), word(c.outcome),
          text(c.notes),  c.follow_up,  c.campaign,  c.origin,         c.created_at,     c.updated_at};
}

template <std::size_t N>
std::string one_of(const std::string_view (&choices)[N]) {
  return text::join(name_list(choices), ", ");
}

// `field`'s value parsed; a problem when it is not one of `names`.
template <class E, std::size_t N>
std::optional<E> read_word(const std::string& field, const std::string& value,
                           std::optional<E> (*parse)(std::string_view), const std::string_view (&names)[N],
                           std::vector<std::string>& problems) {
  // The parser also takes the templates' "follow_up"; files carry the journal's words only.
  if (std::find(std::begin(names), std::end(names), value) == std::end(names)) {
    problems.push_back(field + ": '" + value + "' is not one of " + one_of(names));
    return std::nullopt;
  }
  return parse(value);
}

// One record's fields to a contact; problems are appended as "field: why".
Contact to_contact(const Fields& fields, std::vector<std::string>& problems) {
  auto get = [&](std::string_view key) {
    const auto it = fields.find(key);
    return it == fields.end() ? std::string() : std::string(text::trim(it->second));
  };
  auto optional = [&](std::string_view key) {
    auto value = get(key);
    return value.empty() ? std::nullopt : std::optional(value);
  };
  Contact c;
  c.uid = get("uid");
  const auto at = parse_local_datetime(get("at"));
  if (!at) {
    problems.push_back("at: '" + text::excerpt(get("at")) + "' is not a time " + accepted_dates() +
                       " (2026-11-20T14:30:00Z)");
  } else {
    c.at = format_utc_timestamp(*at);
  }
  c.official = {get("official_id"), get("official_name"), get("official_title"), get("official_state"),
                get("official_district")};
  for (const auto* required : {"official_id", "official_name"}) {
    if (get(required).empty()) {
      problems.push_back(std::string(required) + ": missing");
    }
  }
  c.channel = read_word("channel", get("channel"), parse_channel, k_channel_names, problems).value_or(Channel::letter);
  c.bill = optional("bill");
  if (const auto stance = optional("stance")) {
    c.stance = read_word("stance", *stance, parse_stance, k_stance_names, problems);
  }
  if (const auto outcome = optional("outcome")) {
    c.outcome = read_word("outcome", *outcome, parse_outcome, k_outcome_names, problems);
  }
  c.notes = get("notes");
  c.follow_up = optional("follow_up");
  if (c.follow_up && (c.follow_up->size() != 10 || !parse_date(*c.follow_up))) {
    problems.push_back("follow_up: '" + text::excerpt(*c.follow_up) + "' is not a date " + accepted_dates() +
                       " (2026-12-01)");
  }
  c.campaign = optional("campaign");
  c.created_at = get("created_at");
  c.updated_at = get("updated_at");
  c.origin = "import";
  if (c.uid.empty()) {
    // A file from another tool: the same row always gets the same uid.
    c.uid = stable_id(c.at + "|" + c.official.id + "|" + get("channel") + "|" + c.bill.value_or("") + "|" + c.notes);
  }
  return c;
}

std::vector<Fields> csv_records(std::string_view content, const std::string& name, std::vector<long>& lines) {
  const auto table = csv::Table::parse(content, name);
  table.require_column("official_id");
  std::vector<Fields> out;
  for (const auto& row : table.rows()) {
    Fields fields;
    for (std::size_t i = 0; i < table.header().size(); ++i) {
      fields[table.header()[i]] = csv::Table::field(row, i);
    }
    out.push_back(std::move(fields));
    lines.push_back(static_cast<long>(row.line));
  }
  return out;
}

std::vector<Fields> json_records(std::string_view content, const std::string& name) {
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(content);
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(name + ": not JSON at byte " + std::to_string(e.byte)).hint("export writes an array of objects");
  }
  if (!document.is_array()) {
    throw Error(name + ": expected an array of contacts").hint("export writes an array of objects");
  }
  std::vector<Fields> out;
  for (const auto& item : document) {
    Fields fields;
    if (item.is_object()) {
      for (const auto& [key, value] : item.items()) {
        fields[key] = value.is_string() ? value.get<std::string>() : value.is_null() ? "" : value.dump();
      }
    }
    out.push_back(std::move(fields));
  }
  return out;
}

}  // namespace

const std::vector<std::string_view>& exchange_fields() {
  static const std::vector<std::string_view> fields = {
      "uid",     "at",     "official_id", "official_name", "official_title", "official_state",
      "official_district", "channel",     "bill",          "stance",         "outcome",
      "notes",   "follow_up", "campaign", "origin",        "created_at",     "updated_at"};
  return fields;
}

std::string export_contacts(const std::vector<Contact>& contacts, ExchangeFormat format) {
  const auto& fields = exchange_fields();
  std::string out;
  if (format == ExchangeFormat::csv) {
    out += csv::format_row(std::vector<std::string>(fields.begin(), fields.end()));
    for (const auto& contact : contacts) {
      std::vector<std::string> row;
      for (const auto& value : values_of(contact)) {
        row.push_back(value.value_or(""));
      }
      out += csv::format_row(row);
    }
    return out;
  }
  JsonWriter json(out);
  json.begin_array();
  for (const auto& contact : contacts) {
    json.begin_object();
    const auto values = values_of(contact);
    for (std::size_t i = 0; i < fields.size(); ++i) {
      json.field(fields[i], values[i]);
    }
    json.end_object();
  }
  json.end_array();
  out += "\n";
  return out;
}

std::vector<Contact> read_exchange(std::string_view content, const std::string& name, ExchangeFormat format) {
  std::vector<long> lines;
  const auto records = format == ExchangeFormat::csv ? csv_records(content, name, lines) : json_records(content, name);
  std::vector<Contact> contacts;
  std::vector<std::string> problems;
  for (std::size_t i = 0; i < records.size(); ++i) {
    std::vector<std::string> found;
    contacts.push_back(to_contact(records[i], found));
    const auto where = format == ExchangeFormat::csv ? name + ":" + std::to_string(lines[i])
                                                     : name + ": record " + std::to_string(i + 1);
    for (const auto& problem : found) {
      problems.push_back(where + ": " + problem);
    }
  }
  if (!problems.empty()) {
    const auto shown = std::min<std::size_t>(problems.size(), 10);
    std::string message = std::to_string(problems.size()) + " problem(s); nothing was imported:";
    for (std::size_t i = 0; i < shown; ++i) {
      message += "\n  " + problems[i];
    }
    if (shown < problems.size()) {
      message += "\n  ... and " + std::to_string(problems.size() - shown) + " more";
    }
    throw Error(message).hint("fix the file and import it again; rows already in the journal are skipped");
  }
  return contacts;
}

ImportResult import_contacts(SQLite::Database& db, std::vector<Contact> contacts, const std::string& now) {
  const long total = static_cast<long>(contacts.size());
  const long added = add_new_contacts(db, contacts, now);
  return {added, total - added};
}

}  // namespace civic::journal
