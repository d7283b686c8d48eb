// civic report: how to report suspected human trafficking, offline.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/runtime.hpp"
#include "cli/schema.hpp"
#include "core/report/hotlines.hpp"

namespace civic::cli {
namespace {

constexpr const char* k_advice =
    "Do not confront anyone you suspect or try to rescue a victim yourself. If you can do so safely, note what you "
    "saw: people, places, times, vehicles, and how someone seemed controlled.";

std::string report_text(const Palette& palette) {
  std::string out;
  for (const auto& service : report::services()) {
    out += palette.paint(std::string(service.name), Style::bold) + "\n";
    out += "  when     " + std::string(service.when) + "\n";
    for (const auto& contact : service.contacts) {
      out += fmt::format("  {:<8} {}{}\n", contact.method, contact.value,
                         contact.note.empty() ? "" : fmt::format(" ({})", contact.note));
    }
    out += "  about    " + std::string(service.about) + "\n\n";
  }
  return out + k_advice + "\n";
}

// One way to reach a service, with the service: a row of the table.
struct ContactLine {
  const report::Service& service;
  const report::Contact& contact;
};

std::string text(std::string_view value) { return std::string(value); }

const Schema<ContactLine>& contact_schema() {
  using L = ContactLine;
  static const Schema<L> schema{
      {
          {"service", "SERVICE", [](const L& l) { return Cell(text(l.service.id)); }},
          {"name", "NAME", [](const L& l) { return Cell(text(l.service.name)); }},
          {"when", "WHEN", [](const L& l) { return Cell(text(l.service.when)); }},
          {"method", "METHOD", [](const L& l) { return Cell(text(l.contact.method)); }},
          {"contact", "CONTACT", [](const L& l) { return Cell(text(l.contact.value)); }},
          {"note", "NOTE", [](const L& l) { return Cell(text(l.contact.note)); }},
      },
      {"service", "name", "when", "method", "contact", "note"},
  };
  return schema;
}

const Schema<report::Contact>& method_schema() {
  using C = report::Contact;
  static const Schema<C> schema{
      {
          {"method", "", [](const C& c) { return Cell(text(c.method)); }, json_text<C>([](const C& c) { return c.method; })},
          {"contact", "", [](const C& c) { return Cell(text(c.value)); }, json_text<C>([](const C& c) { return c.value; })},
          {"note", "", [](const C& c) { return Cell(text(c.note)); }},
      },
      {"method", "contact", "note"},
  };
  return schema;
}

const Schema<report::Service>& service_schema() {
  using S = report::Service;
  static const Schema<S> schema{
      {
          {"service", "", [](const S& s) { return Cell(text(s.id)); }, json_text<S>([](const S& s) { return s.id; })},
          {"name", "", [](const S& s) { return Cell(text(s.name)); }, json_text<S>([](const S& s) { return s.name; })},
          {"when", "", [](const S& s) { return Cell(text(s.when)); }, json_text<S>([](const S& s) { return s.when; })},
          {"about", "", [](const S& s) { return Cell(text(s.about)); }, json_text<S>([](const S& s) { return s.about; })},
          {"contacts", "", [](const S&) { return Cell(); },
           [](JsonWriter& json, const S& s) { write_array(json, method_schema(), s.contacts); }},
      },
      {"service", "name", "when", "about", "contacts"},
  };
  return schema;
}

Table report_table() {
  std::vector<ContactLine> lines;
  for (const auto& service : report::services()) {
    for (const auto& contact : service.contacts) {
      lines.push_back({service, contact});
    }
  }
  return table_of(contact_schema(), lines, TableKind::csv);
}

}  // namespace

Action setup_report(CLI::App& /*command*/) {
  return [](Runtime& rt) {
    rt.output().emit(Record{[&rt] { return report_text(rt.output().palette()); },
                            [](JsonWriter& json) { write_array(json, service_schema(), report::services()); },
                            report_table});
    return to_int(ExitCode::ok);
  };
}

}  // namespace civic::cli
