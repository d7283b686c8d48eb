#include "cli/present_contact.hpp"

#include <fmt/format.h>

#include "core/journal/exchange.hpp"
#include "cli/schema.hpp"
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

std::string word_text(const std::optional<std::string>& word) { return word.value_or(""); }

const Schema<journal::Contact>& contact_schema() {
  using C = journal::Contact;
  static const Schema<C> schema{
      {
          {"id", "ID", [](const C& c) { return Cell(std::to_string(c.id)); }, json_value<C>([](const C& c) { return c.id; })},
          {"when", "WHEN", [](const C& c) { return Cell(when(c.at)); }, {}, "at"},
          {"official", "OFFICIAL", [](const C& c) { return Cell(who(c.official)); }},
          {"uid", "", [](const C& c) { return Cell(c.uid); }, json_text<C>([](const C& c) { return c.uid; })},
          {"at", "", [](const C& c) { return Cell(c.at); }, json_text<C>([](const C& c) { return c.at; })},
          {"official_id", "", [](const C& c) { return Cell(c.official.id); },
           json_text<C>([](const C& c) { return c.official.id; })},
          {"official_name", "", [](const C& c) { return Cell(c.official.name); },
           json_text<C>([](const C& c) { return c.official.name; })},
          {"official_title", "", [](const C& c) { return Cell(c.official.title); }},
          {"official_state", "", [](const C& c) { return Cell(c.official.state); }},
          {"official_district", "", [](const C& c) { return Cell(c.official.district); }},
          {"channel", "CHANNEL", [](const C& c) { return Cell(channel(c)); }, json_text<C>(channel)},
          {"bill", "BILL", [](const C& c) { return Cell(c.bill.value_or("")); },
           json_value<C>([](const C& c) { return c.bill; })},
          {"stance", "STANCE", [](const C& c) { return Cell(word_text(word(c.stance))); },
           json_value<C>([](const C& c) { return word(c.stance); })},
          {"outcome", "OUTCOME",
           [](const C& c) {
             return Cell(word_text(word(c.outcome)), c.outcome == Outcome::replied ? Style::bold : Style::none);
           },
           json_value<C>([](const C& c) { return word(c.outcome); })},
          {"notes", "", [](const C& c) { return Cell(c.notes); }},
          {"follow_up", "FOLLOW-UP", [](const C& c) { return Cell(c.follow_up.value_or("")); },
           json_value<C>([](const C& c) { return c.follow_up; })},
          {"campaign", "", [](const C& c) { return Cell(c.campaign.value_or("")); },
           json_value<C>([](const C& c) { return c.campaign; })},
          {"origin", "", [](const C& c) { return Cell(c.origin); }, json_text<C>([](const C& c) { return c.origin; })},
          {"created_at", "", [](const C& c) { return Cell(c.created_at); },
           json_text<C>([](const C& c) { return c.created_at; })},
          {"updated_at", "", [](const C& c) { return Cell(c.updated_at); },
           json_text<C>([](const C& c) { return c.updated_at; })},
          {"deleted_at", "", [](const C& c) { return Cell(c.deleted_at.value_or("")); },
           json_value<C>([](const C& c) { return c.deleted_at; })},
      },
      {"id", "when", "official", "channel", "bill", "stance", "outcome", "follow_up"},
      {"id", "uid", "at", "official_id", "official_name", "official_title", "official_state", "official_district",
       "channel", "bill", "stance", "outcome", "notes", "follow_up", "campaign", "origin", "created_at", "updated_at",
       "deleted_at"},
  };
  return schema;
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

// One line of the stats: a tally and what it groups by.
struct StatLine {
  std::string group;  // total | official | bill | channel
  const journal::Tally* tally = nullptr;
};

const Schema<StatLine>& stats_schema() {
  using L = StatLine;
  static const Schema<L> schema{
      {
          {"group", "BY", [](const L& l) { return Cell(l.group); }},
          {"key", "KEY", [](const L& l) { return Cell(l.tally->key); }},
          {"label", "OFFICIAL", [](const L& l) { return Cell(l.tally->label); }},
          {"contacts", "CONTACTS", [](const L& l) { return Cell(std::to_string(l.tally->contacts)); }},
          {"written", "WRITTEN", [](const L& l) { return Cell(std::to_string(l.tally->written)); }},
          {"replied", "REPLIED", [](const L& l) { return Cell(std::to_string(l.tally->replied)); }},
          {"reply_rate", "REPLY RATE", [](const L& l) { return Cell(rate_text(*l.tally)); }},
      },
      {"group", "key", "label", "contacts", "written", "replied", "reply_rate"},
  };
  return schema;
}

}  // namespace

std::string contact_summary(const journal::Contact& c) {
  return channel(c) + " to " + who(c.official) + (c.bill ? " about " + *c.bill : "");
}

Listing contacts_listing(const std::vector<journal::Contact>& contacts) {
  return listing_of(contact_schema(), contacts);
}

Record contact_record(const journal::Contact& contact) {
  return record_of(contact_schema(), contact, [&contact] { return card(contact); });
}

const std::vector<std::string_view>& contact_csv_columns() { return contact_schema().csv_view(); }

Listing stats_listing(const journal::JournalStats& stats) {
  auto lines = std::make_shared<std::vector<StatLine>>();
  lines->push_back({"total", &stats.total});
  for (const auto& [group, tallies] : {std::pair{"official", &stats.by_official}, std::pair{"bill", &stats.by_bill},
                                       std::pair{"channel", &stats.by_channel}}) {
    for (const auto& t : *tallies) {
      lines->push_back({group, &t});
    }
  }
  const auto listing = listing_of(stats_schema(), *lines);
  // The lines live as long as the listing.
  return Listing{[listing, lines] { return listing.human(); }, [listing, lines] { return listing.csv(); },
                 [listing, lines](JsonWriter& json) { listing.json(json); }};
}

}  // namespace civic::cli
