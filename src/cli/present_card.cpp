// The human-readable card of `civic official ID`.
#include <set>

#include <fmt/format.h>

#include "cli/present_official.hpp"
#include "core/reps/states.hpp"

namespace civic::cli {
namespace {

std::string role_line(const reps::Role& role) {
  const auto* state = reps::find_state(role.state);
  std::string line = reps::office_label(role);
  if (state != nullptr) {
    line += role.chamber == reps::Chamber::executive ? " of " : " for ";
    line += std::string(state->name);
  }
  if (!role.district.empty()) {
    line += ", district " + role.district;
  }
  if (role.senate_class) {
    line += fmt::format(", class {}", *role.senate_class);
  }
  if (!role.state_rank.empty()) {
    line += ", " + role.state_rank;
  }
  if (!role.start_date.empty() || !role.end_date.empty()) {
    line += " (" + (role.start_date.empty() ? std::string("?") : role.start_date) + " to " +
            (role.end_date.empty() ? std::string("no end date") : role.end_date) + ")";
  }
  return line;
}

std::string office_line(const reps::Office& office) {
  std::string line = office.name.empty() ? office.kind + " office" : office.name;
  if (!office.address.empty()) {
    line += ": " + office.address;
  }
  for (const auto& [label, value] : {std::pair{"phone", &office.phone}, {"fax", &office.fax},
                                     {"hours", &office.hours}}) {
    if (!value->empty()) {
      line += fmt::format("; {} {}", label, *value);
    }
  }
  if (office.lat && office.lon) {
    line += fmt::format("; at {:.5f},{:.5f}", *office.lat, *office.lon);
  }
  return line;
}

void field(std::string& out, const char* label, const std::string& value) {
  if (!value.empty()) {
    out += fmt::format("  {:<16} {}\n", label, value);
  }
}

}  // namespace

std::string official_card(const reps::Official& o, const Palette& palette) {
  std::string out = palette.paint(o.name, Style::bold) + "  " + palette.paint(o.id, Style::dim) + "\n";
  for (const auto& role : o.roles) {
    out += "  " + role_line(role) + "\n";
  }
  field(out, "party", o.party);

  out += "\n" + palette.paint("Contact", Style::bold) + "\n";
  std::set<std::string> sources = {o.source};
  for (const auto& link : o.links) {
    field(out, link.kind == "contact_form" ? "contact form" : link.kind.c_str(), link.url);
    sources.insert(link.source);
  }
  field(out, "email", o.email);

  if (!o.offices.empty()) {
    out += "\n" + palette.paint("Offices", Style::bold) + "\n";
    for (const auto& office : o.offices) {
      field(out, office.kind.c_str(), office_line(office));
      sources.insert(office.source);
    }
  }
  if (!o.social.empty()) {
    out += "\n" + palette.paint("Social", Style::bold) + "\n";
    for (const auto& account : o.social) {
      if (account.platform.ends_with("_id")) {
        continue;  // numeric account ids: in the JSON, not worth a line here
      }
      field(out, account.platform.c_str(), account.account);
      sources.insert(account.source);
    }
  }
  if (!o.ids.empty()) {
    out += "\n" + palette.paint("Ids", Style::bold) + "\n";
    for (const auto& id : o.ids) {
      field(out, id.scheme.c_str(), id.value);
    }
  }
  out += "\n" + palette.paint("Sources", Style::bold) + "\n";
  for (const auto& source : sources) {
    out += "  " + source + "\n";
  }
  return out;
}

}  // namespace civic::cli
