#include "cli/present_bill.hpp"

#include <fmt/format.h>

#include "cli/schema.hpp"
#include "core/util/text.hpp"

namespace civic::cli {
namespace {

constexpr std::size_t k_card_width = 88;
constexpr int k_status_check_days = 30;

// A bill's themes as their codes ("policy supply-chains") or names.
enum class Words { codes, names };
std::string themes_text(const bills::Bill& bill, Words words) {
  std::vector<std::string> names;
  for (const auto theme : bill.themes) {
    names.emplace_back(words == Words::names ? bills::describe(theme) : bills::to_string(theme));
  }
  return text::join(names, words == Words::names ? ", " : " ");
}

// "H.R. 1144, S. 1829"
std::string displayed_ids(const std::vector<bills::BillId>& ids) {
  std::vector<std::string> names;
  for (const auto& id : ids) {
    names.push_back(id.display());
  }
  return text::join(names, ", ");
}

// "(unconfirmed)" after a fact the research could not confirm.
std::string fact(const bills::Bill& bill, const std::string& value, std::string_view name) {
  return bill.is_uncertain(name) ? value + " (unconfirmed)" : value;
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
  field(out, "themes", themes_text(bill, Words::names));
  if (bill.companion) {
    field(out, "companion", fact(bill, bill.companion->display() + " (" + bill.companion->canonical() + ")",
                                 "companion"));
  }
  field(out, "related", displayed_ids(bill.related));
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

void write_ids(JsonWriter& json, const std::vector<bills::BillId>& ids) {
  json.begin_array();
  for (const auto& id : ids) {
    json.value(id.canonical());
  }
  json.end_array();
}

void write_status(JsonWriter& json, const bills::Bill& bill) {
  json.begin_object()
      .field("stage", bills::to_string(bill.status.stage))
      .field("text", bill.status.text)
      .field_or_null("date", bill.status.date)
      .field("as_of", format_date(bill.status.as_of))
      .field_or_null("law", bill.status.law ? bill.status.law->display() : "")
      .field("line", bill.status_line())
      .end_object();
}

const Schema<bills::Bill>& bill_schema() {
  using B = bills::Bill;
  const auto text = [](auto get) { return [get](const B& b) { return Cell(get(b)); }; };
  static const Schema<B> schema{
      {
          {"id", "BILL", text([](const B& b) { return b.id.canonical(); }),
           json_text<B>([](const B& b) { return b.id.canonical(); })},
          {"number", "NUMBER", text([](const B& b) { return b.id.display(); }),
           json_text<B>([](const B& b) { return b.id.display(); })},
          {"congress", "CONGRESS", text([](const B& b) { return std::to_string(b.id.congress); }),
           json_value<B>([](const B& b) { return b.id.congress; })},
          {"title", "", text([](const B& b) { return b.title; }), json_text<B>([](const B& b) { return b.title; })},
          {"short_title", "", text([](const B& b) { return b.short_title; })},
          {"name", "NAME", text([](const B& b) { return b.name(); }), json_text<B>([](const B& b) { return b.name(); })},
          {"stage", "STAGE",
           [](const B& b) {
             const auto stage = std::string(bills::to_string(b.status.stage));
             return Cell(b.is_uncertain("status") ? stage + "?" : stage, b.enacted() ? Style::bold : Style::none);
           }},
          {"date", "DATE", text([](const B& b) { return b.status.date; })},
          {"law", "LAW", text([](const B& b) { return b.status.law ? b.status.law->display() : ""; })},
          {"sponsor", "SPONSOR", text([](const B& b) { return b.sponsor; }), json_text<B>([](const B& b) { return b.sponsor; })},
          {"introduced", "INTRODUCED", text([](const B& b) { return b.introduced; }),
           json_text<B>([](const B& b) { return b.introduced; })},
          {"themes", "THEMES", text([](const B& b) { return themes_text(b, Words::codes); }),
           [](JsonWriter& json, const B& b) {
             json.begin_array();
             for (const auto theme : b.themes) {
               json.value(bills::to_string(theme));
             }
             json.end_array();
           }},
          {"status", "STATUS", text([](const B& b) { return b.status_line(); }), write_status},
          {"as_of", "AS OF", text([](const B& b) { return format_date(b.status.as_of); })},
          {"pending", "", text([](const B&) { return std::string(); }), json_value<B>([](const B& b) { return b.pending(); })},
          {"enacted", "", text([](const B&) { return std::string(); }), json_value<B>([](const B& b) { return b.enacted(); })},
          {"summary", "", text([](const B& b) { return b.summary; }), json_text<B>([](const B& b) { return b.summary; })},
          {"talking_points", "", text([](const B&) { return std::string(); }),
           json_strings<B>([](const B& b) { return b.talking_points; })},
          {"url", "URL", text([](const B& b) { return b.id.url(); }), json_text<B>([](const B& b) { return b.id.url(); })},
          {"companion", "", text([](const B& b) { return b.companion ? b.companion->canonical() : ""; })},
          {"related", "", text([](const B&) { return std::string(); }),
           [](JsonWriter& json, const B& b) { write_ids(json, b.related); }},
          {"uncertain", "", text([](const B&) { return std::string(); }), json_strings<B>([](const B& b) { return b.uncertain; })},
          {"source", "", text([](const B& b) { return b.source; }), json_text<B>([](const B& b) { return b.source; })},
      },
      {"id", "number", "name", "stage", "date"},
      {"id", "number", "name", "stage", "date", "congress", "law", "sponsor", "introduced", "themes", "status", "as_of",
       "url"},
      {"id", "number", "congress", "title", "short_title", "name", "sponsor", "introduced", "themes", "status",
       "pending", "enacted", "summary", "talking_points", "url", "companion", "related", "uncertain", "source"},
  };
  return schema;
}

}  // namespace

void write_bill(JsonWriter& json, const bills::Bill& bill) { write_object(json, bill_schema(), bill); }

Listing bills_listing(const std::vector<const bills::Bill*>& bills) {
  return owned_listing(bill_schema(), [&] {
    std::vector<std::reference_wrapper<const bills::Bill>> out;
    for (const auto* bill : bills) {
      out.emplace_back(*bill);
    }
    return out;
  }());
}

Record bill_record(const bills::Bill& bill, const Palette& palette, Date today) {
  return record_of(bill_schema(), bill, [&bill, palette, today] { return bill_card(bill, palette, today); });
}

}  // namespace civic::cli
