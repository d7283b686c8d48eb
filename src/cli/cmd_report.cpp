// civic report: how to report suspected human trafficking, offline.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/runtime.hpp"
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

Table report_table() {
  Table table;
  table.columns = {{"service", "SERVICE"}, {"name", "NAME"},   {"when", "WHEN"},
                   {"method", "METHOD"},   {"contact", "CONTACT"}, {"note", "NOTE"}};
  for (const auto& service : report::services()) {
    for (const auto& contact : service.contacts) {
      table.rows.push_back({std::string(service.id), std::string(service.name), std::string(service.when),
                            std::string(contact.method), std::string(contact.value), std::string(contact.note)});
    }
  }
  return table;
}

void write_report(JsonWriter& json) {
  json.begin_array();
  for (const auto& service : report::services()) {
    json.begin_object()
        .field("service", service.id)
        .field("name", service.name)
        .field("when", service.when)
        .field("about", service.about)
        .key("contacts")
        .begin_array();
    for (const auto& contact : service.contacts) {
      json.begin_object()
          .field("method", contact.method)
          .field("contact", contact.value)
          .field_or_null("note", contact.note)
          .end_object();
    }
    json.end_array().end_object();
  }
  json.end_array();
}

}  // namespace

Action setup_report(CLI::App& /*command*/) {
  return [](Runtime& rt) {
    rt.output().emit(Record{[&rt] { return report_text(rt.output().palette()); }, write_report, report_table});
    return to_int(ExitCode::ok);
  };
}

}  // namespace civic::cli
