#include "cli/present_contact.hpp"

#include <fmt/format.h>

#include "core/journal/exchange.hpp"
#include "core/local_time.hpp"

namespace civic::cli {
namespace {

template <class E>
std::optional<std::string> word(const std::optional<E>& value) {
  return value ? std::optional<std::string>(to_string(*value)) : std::nullopt;
}

std::string channel(const journal::Contact& c) { return std::string(to_string(c.channel)); }

std::string when(const std::string& utc) {
  const auto at = parse_utc_timestamp(utc);
  return at ? format_local_datetime(*at) : utc;
}

std::string who(const journal::OfficialSnapshot& o) {
  std::string where = o.state;
  if (!o.district.empty()) {
    where += (where.empty() ? "" : "-") + o.district;
  }
  return (o.title.empty() ? "" : o.title + " ") + o.name + (where.empty() ? "" : " (" + where + ")");
}

Table human_table(const std::vector<journal::Contact>& contacts) {
  Table table;
  table.columns = {{"id", "ID"},         {"at", "WHEN"},         {"official", "OFFICIAL"},
                   {"channel", "CHANNEL"}, {"bill", "BILL"},     {"stance", "STANCE"},
                   {"outcome", "OUTCOME"}, {"follow_up", "FOLLOW-UP"}};
  for (const auto& c : contacts) {
    table.rows.push_back({std::to_string(c.id), when(c.at), who(c.official), channel(c), c.bill.value_or(""),
                          word(c.stance).value_or(""), Cell(word(c.outcome).value_or(""), c.outcome == Outcome::replied ? Style::bold
                                                                                                      : Style::none),
                          c.follow_up.value_or("")});
  }
  return table;
}

Table full_table(const std::vector<journal::Contact>& contacts) {
  Table table;
  table.columns.push_back({"id", "ID"});
  for (const auto field : journal::exchange_fields()) {
    table.columns.push_back({std::string(field), std::string(field)});
  }
  table.columns.push_back({"deleted_at", "deleted_at"});
  for (const auto& c : contacts) {
    table.rows.push_back({std::to_string(c.id), c.uid, c.at, c.official.id, c.official.name, c.official.title,
                          c.official.state, c.official.district, channel(c), c.bill.value_or(""),
                          word(c.stance).value_or(""), word(c.outcome).value_or(""), c.notes, c.follow_up.value_or(""),
                          c.campaign.value_or(""), c.origin, c.created_at, c.updated_at,
                          c.deleted_at.value_or("")});
  }
  return table;
}

void write_contact(JsonWriter& json, const journal::Contact& c) {
  json.begin_object()
      .field("id", c.id)
      .field("uid", c.uid)
      .field("at", c.at)
      .field("official_id", c.official.id)
      .field("official_name", c.official.name)
      .field_or_null("official_title", c.official.title)
      .field_or_null("official_state", c.official.state)
      .field_or_null("official_district", c.official.district)
      .field("channel", channel(c))
      .field("bill", c.bill)
      .field("stance", word(c.stance))
      .field("outcome", word(c.outcome))
      .field_or_null("notes", c.notes)
      .field("follow_up", c.follow_up)
      .field("campaign", c.campaign)
      .field("origin", c.origin)
      .field("created_at", c.created_at)
      .field("updated_at", c.updated_at)
      .field("deleted_at", c.deleted_at)
      .end_object();
}

void field(std::string& out, const std::string& label, const std::string& value) {
  if (!value.empty()) {
    out += fmt::format("  {:<12} {}\n", label, value);
  }
}

std::string card(const journal::Contact& c) {
  std::string out = fmt::format("Contact {}: {} to {}\n", c.id, channel(c), who(c.official));
  field(out, "when", when(c.at));
  field(out, "official", c.official.id);
  field(out, "bill", c.bill.value_or(""));
  field(out, "stance", word(c.stance).value_or(""));
  field(out, "outcome", word(c.outcome).value_or(""));
  field(out, "follow up", c.follow_up.value_or(""));
  field(out, "campaign", c.campaign.value_or(""));
  field(out, "notes", c.notes);
  field(out, "recorded", when(c.created_at) + " (" + c.origin + ")");
  if (c.updated_at != c.created_at) {
    field(out, "changed", when(c.updated_at));
  }
  if (c.deleted_at) {
    field(out, "deleted", when(*c.deleted_at) + "; undo with 'civic journal restore " + std::to_string(c.id) + "'");
  }
  field(out, "uid", c.uid);
  return out;
}

std::string rate_text(const journal::Tally& t) {
  const auto rate = journal::reply_rate(t);
  return rate ? fmt::format("{:.0f}%", *rate * 100) : "";
}

void add_tallies(Table& table, const std::string& group, const std::vector<journal::Tally>& tallies) {
  for (const auto& t : tallies) {
    table.rows.push_back({group, t.key, t.label, std::to_string(t.contacts),
                          std::to_string(t.written), std::to_string(t.replied), rate_text(t)});
  }
}

}  // namespace

std::string contact_summary(const journal::Contact& c) {
  return channel(c) + " to " + who(c.official) + (c.bill ? " about " + *c.bill : "");
}

Listing contacts_listing(const std::vector<journal::Contact>& contacts) {
  return Listing{[&contacts] { return human_table(contacts); }, [&contacts] { return full_table(contacts); },
                 [&contacts](JsonWriter& json) {
                   json.begin_array();
                   for (const auto& contact : contacts) {
                     write_contact(json, contact);
                   }
                   json.end_array();
                 }};
}

Record contact_record(const journal::Contact& contact) {
  return Record{[&contact] { return card(contact); },
                [&contact](JsonWriter& json) { write_contact(json, contact); },
                [&contact] { return full_table({contact}); }};
}

Listing stats_listing(const journal::JournalStats& stats) {
  auto table = [&stats] {
    Table t;
    t.columns = {{"group", "BY"},          {"key", "KEY"},         {"label", "OFFICIAL"},
                 {"contacts", "CONTACTS"}, {"written", "WRITTEN"}, {"replied", "REPLIED"},
                 {"reply_rate", "REPLY RATE"}};
    add_tallies(t, "total", {stats.total});
    add_tallies(t, "official", stats.by_official);
    add_tallies(t, "bill", stats.by_bill);
    add_tallies(t, "channel", stats.by_channel);
    return t;
  };
  return Listing{table, nullptr, nullptr};
}

}  // namespace civic::cli
