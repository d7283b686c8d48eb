// civic me set [ADDRESS | --latlon | --zip] [--cd GEOID] [sender details] | civic me show

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/runtime.hpp"
#include "core/reps/address.hpp"
#include "core/geo/place.hpp"
#include "core/me.hpp"
#include "core/util/text.hpp"

namespace civic::cli {
namespace {

struct SetOptions {
  std::vector<std::string> address;
  std::optional<std::string> latlon, zip, cd, name, postal_address, email, phone;
};

void check(const SetOptions& o) {
  const int places = (o.address.empty() ? 0 : 1) + (o.latlon ? 1 : 0) + (o.zip ? 1 : 0);
  if (places > 1) {
    throw usage_error("give one place: an address, --latlon or --zip");
  }
  if (o.latlon && !geo::parse_latlon(*o.latlon)) {
    throw usage_error("--latlon '" + *o.latlon + "' is not LAT,LON in degrees").hint("for example 47.6062,-122.3321");
  }
  if (o.zip && !reps::is_zip_code(*o.zip)) {
    throw usage_error("'" + *o.zip + "' is not a ZIP code").hint("give five digits, such as 98101");
  }
  if (o.cd && (o.cd->size() != 4 || o.cd->find_first_not_of("0123456789") != std::string::npos)) {
    throw usage_error("--cd '" + *o.cd + "' is not a congressional district GEOID")
        .hint("four digits, state FIPS then district: 3902 is OH-2 (see 'civic locate --zip')");
  }
}

// A pinned district must be one of the ZIP code's own.
void check_pin(Runtime& rt, const Me& me) {
  if (me.cd.empty() || me.zip.empty()) {
    return;
  }
  const auto location = geo::locate_zip(rt.reference(), me.zip, me.zip);
  for (const auto& m : location.cd) {
    if (m.info->geoid == me.cd) {
      return;
    }
  }
  throw usage_error("district " + me.cd + " is not one of ZIP " + me.zip + "'s")
      .hint("see its districts with 'civic locate --zip " + me.zip + "'");
}

int run_set(const SetOptions& o, Runtime& rt) {
  check(o);
  auto me = load_me(rt.me_path());
  if (!o.address.empty() || o.latlon || o.zip) {
    me.address = text::join(o.address, " ");
    me.latlon = o.latlon.value_or("");
    me.zip = o.zip ? o.zip->substr(0, 5) : "";
    me.cd.clear();  // a new place drops the old pin
  }
  for (const auto& [value, member] : {std::pair{&o.cd, &Me::cd}, {&o.name, &Me::name},
                                      {&o.postal_address, &Me::postal_address}, {&o.email, &Me::email},
                                      {&o.phone, &Me::phone}}) {
    if (*value) {
      me.*member = **value;
    }
  }
  check_pin(rt, me);
  save_me(rt.me_path(), me);
  rt.note("saved in " + rt.me_path().string());
  return to_int(ExitCode::ok);
}

int run_show(Runtime& rt) {
  const auto me = load_me(rt.me_path());
  Table table;
  table.columns = {{"field", "FIELD"}, {"value", "VALUE"}};
  for (const auto& [label, value] :
       {std::pair{"latlon", &me.latlon}, {"address", &me.address}, {"zip", &me.zip}, {"cd", &me.cd},
        {"name", &me.name}, {"postal_address", &me.postal_address}, {"email", &me.email}, {"phone", &me.phone}}) {
    table.rows.push_back({label, *value});
  }
  if (!me.has_place()) {
    rt.note("no place set: 'civic me set ADDRESS' (or --latlon, --zip) keeps one for 'civic reps --me'");
  }
  rt.output().emit(table);
  return to_int(ExitCode::ok);
}

}  // namespace

Action setup_me(CLI::App& command) {
  command.require_subcommand(1);
  auto o = std::make_shared<SetOptions>();
  auto* set = command.add_subcommand("set", "keep your place and sender details");
  set->fallthrough();
  set->add_option("address", o->address, "your street address (geocoded when used)");
  set->add_option("--latlon", o->latlon, "your coordinates: LAT,LON");
  set->add_option("--zip", o->zip, "your ZIP code");
  set->add_option("--cd", o->cd, "pin your congressional district (GEOID) when the ZIP spans several");
  set->add_option("--name", o->name, "your name, for letters");
  set->add_option("--postal-address", o->postal_address, "your postal address, for letters");
  set->add_option("--email", o->email, "your email address");
  set->add_option("--phone", o->phone, "your phone number");
  auto* show = command.add_subcommand("show", "what 'civic me set' keeps");
  show->fallthrough();
  return [o, set](Runtime& rt) { return set->parsed() ? run_set(*o, rt) : run_show(rt); };
}

}  // namespace civic::cli
