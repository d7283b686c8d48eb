#include "cli/present_bill.hpp"

#include <fmt/format.h>

#include "core/util/text.hpp"

namespace civic::cli {
namespace {

constexpr std::size_t k_card_width = 88;
constexpr int k_status_check_days = 30;

std::string theme_list(const bills::Bill& bill, bool words) {
  std::vector<std::string> names;
  for (const auto theme : bill.themes) {
    names.emplace_back(words ? bills::describe(theme) : bills::to_string(theme));
  }
  return text::join(names, words ? ", " : " ");
}

std::string id_list(const std::vector<bills::BillId>& ids, bool canonical) {
  std::vector<std::string> names;
  for (const auto& id : ids) {
    names.push_back(canonical ? id.canonical() : id.display());
  }
  return text::join(names, canonical ? " " : ", ");
}

// "(unconfirmed)" after a fact the research could not confirm.
std::string fact(const bills::Bill& bill, const std::string& value, std::string_view name) {
  return bill.is_uncertain(name) ? value + " (unconfirmed)" : value;
}

Table list_table(const std::vector<const bills::Bill*>& bills, bool wide) {
  Table table;
  table.columns = {{"id", "BILL"}, {"number", "NUMBER"}, {"name", "NAME"}, {"stage", "STAGE"}, {"date", "DATE"}};
  if (wide) {
    table.columns.insert(table.columns.end(), {{"congress", "CONGRESS"},
                                               {"law", "LAW"},
                                               {"sponsor", "SPONSOR"},
                                               {"introduced", "INTRODUCED"},
                                               {"themes", "THEMES"},
                                               {"status", "STATUS"},
                                               {"as_of", "AS OF"},
                                               {"url", "URL"}});
  }
  for (const auto* bill : bills) {
    const auto stage = std::string(bills::to_string(bill->status.stage));
    std::vector<Cell> row = {bill->id.canonical(), bill->id.display(), bill->name(),
                             Cell(bill->is_uncertain("status") ? stage + "?" : stage,
                                  bill->enacted() ? Style::bold : Style::none),
                             bill->status.date};
    if (wide) {
      row.insert(row.end(), {std::to_string(bill->id.congress), bill->status.law ? bill->status.law->display() : "",
                             bill->sponsor, bill->introduced, theme_list(*bill, false), bill->status_line(),
                             format_date(bill->status.as_of), bill->id.url()});
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

void paragraph(std::string& out, const std::string& body, std::string_view indent) {
  for (const auto& line : text::wrap(body, k_card_width, indent)) {
    out += line + "\n";
  }
}

void field(std::string& out, std::string_view label, const std::string& value) {
  if (value.empty()) {
    return;
  }
  const auto indent = std::string(15, ' ');
  auto lines = text::wrap(value, k_card_width, indent);
  lines.front().replace(0, 15, fmt::format("  {:<12} ", label));
  for (const auto& line : lines) {
    out += line + "\n";
  }
}

std::string bill_card(const bills::Bill& bill, const Palette& palette, Date today) {
  std::string out = palette.paint(bill.id.display() + " (" + bills::ordinal(bill.id.congress) + " Congress)",
                                  Style::bold) +
                    "  " + palette.paint(bill.id.canonical(), Style::dim) + "\n";
  paragraph(out, bill.title, "");
  out += "\n";
  if (!bill.short_title.empty()) {
    field(out, "known as", bill.short_title);
  }
  field(out, "sponsor", fact(bill, bill.sponsor, "sponsor"));
  field(out, "introduced", fact(bill, bill.introduced, "introduced"));
  field(out, "status", bill.status_line());
  const int age = days_between(bill.status.as_of, today);
  field(out, "as of", fmt::format("{} ({} days ago){}", format_date(bill.status.as_of), age,
                                  bill.pending() && age > k_status_check_days ? "; check congress.gov for later actions" : ""));
  field(out, "themes", theme_list(bill, true));
  if (bill.companion) {
    field(out, "companion", fact(bill, bill.companion->display() + " (" + bill.companion->canonical() + ")",
                                 "companion"));
  }
  field(out, "related", id_list(bill.related, false));
  field(out, "congress.gov", bill.id.url());
  out += "\n" + palette.paint("Summary", Style::bold) + "\n";
  paragraph(out, bill.summary, "  ");
  out += "\n" + palette.paint("Talking points", Style::bold) + "\n";
  for (const auto& point : bill.talking_points) {
    auto lines = text::wrap(point, k_card_width, "    ");
    lines.front().replace(0, 4, "  - ");
    for (const auto& line : lines) {
      out += line + "\n";
    }
  }
  if (!bill.uncertain.empty()) {
    out += "\n" + palette.paint("Unconfirmed: the research behind the catalog could not confirm the facts marked so; "
                                "check them on congress.gov before relying on them.",
                                Style::warn) +
           "\n";
  }
  out += "\nSource: " + bill.source + "\n";
  return out;
}

}  // namespace

void write_bill(JsonWriter& json, const bills::Bill& bill) {
  json.begin_object()
      .field("id", bill.id.canonical())
      .field("number", bill.id.display())
      .field("congress", bill.id.congress)
      .field("title", bill.title)
      .field_or_null("short_title", bill.short_title)
      .field("name", bill.name())
      .field("sponsor", bill.sponsor)
      .field("introduced", bill.introduced)
      .key("themes")
      .begin_array();
  for (const auto theme : bill.themes) {
    json.value(bills::to_string(theme));
  }
  json.end_array()
      .key("status")
      .begin_object()
      .field("stage", bills::to_string(bill.status.stage))
      .field("text", bill.status.text)
      .field_or_null("date", bill.status.date)
      .field("as_of", format_date(bill.status.as_of))
      .field_or_null("law", bill.status.law ? bill.status.law->display() : "")
      .field("line", bill.status_line())
      .end_object()
      .field("pending", bill.pending())
      .field("enacted", bill.enacted())
      .field("summary", bill.summary)
      .key("talking_points")
      .begin_array();
  for (const auto& point : bill.talking_points) {
    json.value(point);
  }
  json.end_array()
      .field("url", bill.id.url())
      .field_or_null("companion", bill.companion ? bill.companion->canonical() : "")
      .key("related")
      .begin_array();
  for (const auto& related : bill.related) {
    json.value(related.canonical());
  }
  json.end_array().key("uncertain").begin_array();
  for (const auto& name : bill.uncertain) {
    json.value(name);
  }
  json.end_array().field("source", bill.source).end_object();
}

Listing bills_listing(const std::vector<const bills::Bill*>& bills) {
  return Listing{[&bills] { return list_table(bills, false); }, [&bills] { return list_table(bills, true); },
                 [&bills](JsonWriter& json) {
                   json.begin_array();
                   for (const auto* bill : bills) {
                     write_bill(json, *bill);
                   }
                   json.end_array();
                 }};
}

Record bill_record(const bills::Bill& bill, const Palette& palette, Date today) {
  return Record{[&bill, palette, today] { return bill_card(bill, palette, today); },
                [&bill](JsonWriter& json) { write_bill(json, bill); },
                [&bill] { return list_table({&bill}, true); }};
}

}  // namespace civic::cli
