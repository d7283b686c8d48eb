#include "cli/journal_args.hpp"

#include <CLI/CLI.hpp>

#include "cli/runtime.hpp"
#include "core/bills/bill_id.hpp"
#include "core/bills/catalog.hpp"
#include "core/error.hpp"
#include "core/local_time.hpp"
#include "core/reps/directory.hpp"
#include "core/reps/states.hpp"
#include "core/util/text.hpp"

namespace civic::cli {
namespace {

Date today(Runtime& rt) { return local_date(rt.env().clock.now()); }

std::string channel_list() { return text::join(name_list(k_channel_names), "|"); }

// "2026-11-01", or "30d": thirty days before today.
std::optional<Date> parse_since(const std::string& text, Date today) {
  if (text.size() >= 2 && text.back() == 'd') {
    const auto ahead = parse_day("+" + text, today);  // "+30d"
    if (!ahead) {
      return std::nullopt;
    }
    return Date{std::chrono::sys_days{today} - (std::chrono::sys_days{*ahead} - std::chrono::sys_days{today})};
  }
  return text.size() == 10 ? parse_date(text) : std::nullopt;
}

}  // namespace

std::string canonical_bill(Runtime& rt, std::string_view text) {
  const int congress = bills::congress_on(today(rt));
  if (const auto id = bills::parse_bill_id(text, congress)) {
    return id->canonical();
  }
  if (bills::parse_law_id(text)) {
    return bills::load_catalog(rt.templates_dir()).require(text, congress).id.canonical();
  }
  throw usage_error("'" + text::excerpt(text) + "' is not a bill number")
      .hint("write it as hr1144-119, H.R. 1144 or S. 1829; 'civic bills list' shows the catalog");
}

journal::OfficialSnapshot snapshot_official(Runtime& rt, const std::string& id) {
  const auto official = reps::find_official(rt.reference(), id);
  if (!official) {
    throw usage_error("no official with id '" + id + "'")
        .hint("ids are bioguide ids (C000127) or ocd-person/... ids; find them with 'civic reps'");
  }
  journal::OfficialSnapshot snapshot{official->id, official->name, "", "", ""};
  if (!official->roles.empty()) {
    const auto& role = official->roles.front();
    snapshot.title = reps::office_label(role);
    snapshot.state = role.state;
    snapshot.district = role.district;
  }
  return snapshot;
}

std::string parse_day_flag(Runtime& rt, std::string_view text, std::string_view flag) {
  const auto day = parse_day(text, today(rt));
  if (!day) {
    throw usage_error(std::string(flag) + ": '" + text::excerpt(text) + "' is not a date")
        .hint("give 2026-12-01, +7d (in seven days), today or tomorrow; dates run " + accepted_dates());
  }
  return format_date(*day);
}

std::string parse_at_flag(std::string_view text) {
  const auto at = parse_local_datetime(text);
  if (!at) {
    throw usage_error("--at: '" + text::excerpt(text) + "' is not a date or time")
        .hint("give 2026-11-20, \"2026-11-20 14:30\" (your time zone) or 2026-11-20T19:30:00Z; dates run " +
              accepted_dates());
  }
  return format_utc_timestamp(*at);
}

void add_filter_flags(CLI::App& command, FilterFlags& flags) {
  command.add_option("--since", flags.since, "only contacts from this date on (2026-11-01) or the last N days (30d)");
  command.add_option("--bill", flags.bill, "only contacts about this bill");
  command.add_option("--official", flags.official, "only contacts with this official (bioguide or ocd-person id)");
  command.add_option("--channel", flags.channel, "only this channel: " + channel_list())
      ->check(CLI::IsMember(name_list(k_channel_names)));
}

journal::ContactFilter to_filter(Runtime& rt, const FilterFlags& flags) {
  journal::ContactFilter filter;
  if (flags.since) {
    const auto day = parse_since(*flags.since, today(rt));
    if (!day) {
      throw usage_error("--since: '" + text::excerpt(*flags.since) + "' is not a date")
          .hint("give 2026-11-01 or 30d (the last 30 days); dates run " + accepted_dates());
    }
    filter.since = format_utc_timestamp(*parse_local_datetime(format_date(*day) + " 00:00"));
  }
  if (flags.bill) {
    filter.bill = canonical_bill(rt, *flags.bill);
  }
  filter.official_id = flags.official;
  filter.channel = flags.channel ? parse_channel(*flags.channel) : std::nullopt;
  return filter;
}

}  // namespace civic::cli
