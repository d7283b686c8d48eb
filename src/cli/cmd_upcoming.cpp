// civic upcoming [--days N] [--fetch] | civic upcoming add BILL --date D --kind K [--chamber C] [--title T]
#include <set>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/journal_args.hpp"
#include "cli/runtime.hpp"
#include "cli/schema.hpp"
#include "core/bills/house_floor.hpp"
#include "core/error.hpp"
#include "core/journal/events.hpp"
#include "core/journal/tracking.hpp"
#include "core/net/retry.hpp"

namespace civic::cli {
namespace {

struct Options {
  int days = 14;
  bool fetch = false;
  std::string bill;
  std::string date;
  std::string kind;
  std::string chamber;
  std::string title;
};

// A floor week names a week of the House, not a day.
bool floor_week(const journal::Event& e) { return e.kind == "floor"; }

const Schema<journal::Event>& event_schema() {
  using E = journal::Event;
  static const Schema<E> schema{
      {
          {"day", "DAY", [](const E& e) { return Cell(floor_week(e) ? "week of " + e.day : e.day); }},
          {"kind", "KIND", [](const E& e) { return Cell(floor_week(e) ? "floor" : e.kind); }},
          {"chamber", "CHAMBER", [](const E& e) { return Cell(floor_week(e) ? "house" : e.chamber); }},
          {"bill", "BILL", [](const E& e) { return Cell(e.bill); }},
          {"title", "WHAT", [](const E& e) { return Cell(e.title); }},
          {"source", "SOURCE", [](const E& e) { return Cell(e.origin); }},
      },
      {"day", "kind", "chamber", "bill", "title", "source"},
  };
  return schema;
}

// One week's schedule into the journal; false when none is published yet.
bool fetch_week(Runtime& rt, Date monday, const std::set<std::string>& tracked) {
  HttpRequest request;
  request.url = bills::floor_schedule_url(rt.config().string("house.floor_url"), monday);
  RetryPolicy policy;
  policy.retries = static_cast<int>(rt.config().integer("geocoder.retries"));
  const auto response = send_with_retries(rt.env().http, request, policy, "the House floor schedule");
  if (response.status == 404) {
    return false;
  }
  if (!response.ok()) {
    throw Error(fmt::format("the House floor schedule answered HTTP {} for {}", response.status, request.url))
        .hint("try again later; the journal keeps the schedule fetched before");
  }
  const auto week = bills::parse_floor_schedule(response.body, request.url);
  std::vector<journal::Event> events;
  for (const auto& item : week.items) {
    if (tracked.count(item.bill.canonical()) > 0) {
      events.push_back({0, "", item.bill.canonical(), week.week_date, "floor", "house", item.text + " (" +
                        item.category + ")", "house-floor"});
    }
  }
  journal::replace_floor_week(rt.journal(), week.week_date, events, rt.now_utc());
  rt.note(fmt::format("House floor, week of {}: {} item(s), {} on bills you track", week.week_date,
                      week.items.size(), events.size()));
  return true;
}

void fetch(Runtime& rt, Date today) {
  std::set<std::string> tracked;
  for (const auto& t : journal::tracked_bills(rt.journal())) {
    tracked.insert(t.bill);
  }
  if (tracked.empty()) {
    rt.note("no tracked bills to look for on the floor schedule: 'civic track BILL' adds one");
  }
  const auto monday = bills::week_monday(today);
  for (const auto week : {monday, Date{std::chrono::sys_days{monday} + std::chrono::days{7}}}) {
    if (!fetch_week(rt, week, tracked)) {
      rt.note("no House floor schedule published yet for the week of " + format_date(week));
    }
  }
}

int list(const Options& o, Runtime& rt) {
  if (o.days < 0) {
    throw usage_error("--days must be 0 or more");
  }
  const auto today = local_date(rt.env().clock.now());
  if (o.fetch) {
    fetch(rt, today);
  }
  auto* db = rt.journal_if_exists();
  // A floor week that began before today is still this week.
  const auto from = format_date(Date{std::chrono::sys_days{bills::week_monday(today)}});
  const auto to = format_date(Date{std::chrono::sys_days{today} + std::chrono::days{o.days}});
  std::vector<journal::Event> events;
  if (db != nullptr) {
    for (auto& e : journal::events_between(*db, from, to)) {
      if (e.kind == "floor" || e.day >= format_date(today)) {
        events.push_back(std::move(e));
      }
    }
  }
  rt.output().emit(listing_of(event_schema(), events));
  if (events.empty()) {
    rt.note(fmt::format("nothing in the next {} days{}", o.days,
                        o.fetch ? "" : "; --fetch reads the House floor schedule, 'civic upcoming add' adds events"));
  }
  return to_int(ExitCode::ok);
}

int add(const Options& o, Runtime& rt) {
  journal::Event event;
  event.bill = canonical_bill(rt, o.bill);
  event.day = parse_day_flag(rt, o.date, "--date");
  event.kind = o.kind;
  event.chamber = o.chamber;
  event.title = o.title;
  event.origin = "user";
  const bool added = journal::add_event(rt.journal(), event, rt.now_utc());
  rt.out() << fmt::format("{} {} {}{} on {}\n", added ? "added" : "already there:", event.bill,
                          event.chamber.empty() ? "" : event.chamber + " ", event.kind, event.day);
  return to_int(ExitCode::ok);
}

}  // namespace

Action setup_upcoming(CLI::App& command) {
  auto o = std::make_shared<Options>();
  command.add_option("--days", o->days, "how far ahead to look (default 14)");
  command.add_flag("--fetch", o->fetch, "first read this and next week's House floor schedule (network)");
  auto* add_cmd = command.add_subcommand("add", "a vote, hearing or markup you know of");
  add_cmd->add_option("bill", o->bill, "the bill")->required();
  add_cmd->add_option("--date", o->date, "the day: 2026-12-02 or +3d")->required();
  add_cmd->add_option("--kind", o->kind, "vote, hearing or markup")
      ->required()
      ->check(CLI::IsMember(name_list(journal::k_event_kinds)));
  add_cmd->add_option("--chamber", o->chamber, "house or senate")->check(CLI::IsMember({"house", "senate"}));
  add_cmd->add_option("--title", o->title, "what it is: \"Judiciary Committee markup\"");
  add_cmd->fallthrough();
  return [o, add_cmd](Runtime& rt) { return add_cmd->parsed() ? add(*o, rt) : list(*o, rt); };
}

}  // namespace civic::cli
