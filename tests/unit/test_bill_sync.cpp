// Bill status from Congress.gov and the House floor schedule, against mock
// servers on 127.0.0.1 built from recorded answers; alerts raised once.
#include <doctest/doctest.h>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "core/bills/congress_api.hpp"
#include "core/bills/house_floor.hpp"
#include "core/error.hpp"
#include "core/journal/journal_db.hpp"
#include "core/journal/tracking.hpp"
#include "core/util/files.hpp"
#include "support/mock_server.hpp"
#include "support/test_env.hpp"

using namespace civic;
using namespace civic::test;

namespace {

constexpr const char* k_now = "2026-11-28T12:00:00Z";

std::filesystem::path samples() { return real_mirror() / "api-samples"; }
std::string recorded_bill() { return read_file(samples() / "congress-gov/sample_output/bill_117_hr_21.json"); }
std::string recorded_actions() {
  return read_file(samples() / "congress-gov/sample_output/bill_117_hr_21_actions.json");
}

// Serves the recorded actions `page` at a time, as the API pages them.
void serve_actions(MockServer& server, const std::string& path, const nlohmann::json& recorded) {
  server.on(path, [recorded](const httplib::Request& request, httplib::Response& response) {
    const auto offset = std::stoul(request.get_param_value("offset"));
    const auto limit = std::stoul(request.get_param_value("limit"));
    nlohmann::json page = recorded;
    page["actions"] = nlohmann::json::array();
    for (std::size_t i = offset; i < recorded["actions"].size() && i < offset + limit; ++i) {
      page["actions"].push_back(recorded["actions"][i]);
    }
    response.set_content(page.dump(), "application/json");
  });
}

struct Api {
  explicit Api(MockServer& server) {
    options.base_url = server.url() + "/v3";
    options.api_key = "SECRET-KEY-123";
    options.retry.sleep = [this](std::chrono::milliseconds wait) { waits.push_back(wait); };
  }
  bills::CongressOptions options;
  std::vector<std::chrono::milliseconds> waits;
};

const bills::BillId k_hr21{117, bills::BillType::hr, 21};

}  // namespace

TEST_CASE("a bill's status and every action, across pages, with the key in a header only") {
  World world;
  MockServer server;
  std::string key_seen;
  std::string target_seen;
  server.on("/v3/bill/117/hr/21", [&](const httplib::Request& request, httplib::Response& response) {
    key_seen = request.get_header_value("X-Api-Key");
    target_seen = request.target;
    response.set_content(recorded_bill(), "application/json");
  });
  serve_actions(server, "/v3/bill/117/hr/21/actions", nlohmann::json::parse(recorded_actions()));
  Api api(server);
  api.options.page_size = 3;  // ten actions: four pages
  const auto status = bills::fetch_bill_status(*world.http, api.options, k_hr21);
  CHECK(key_seen == "SECRET-KEY-123");
  CHECK(target_seen.find("SECRET") == std::string::npos);
  CHECK(status.title == "FedRAMP Authorization Act");
  CHECK(status.latest_action_date == "2021-01-06");
  CHECK(status.laws.empty());
  REQUIRE(status.actions.size() == 10);
  CHECK(status.actions[0].source == "Senate");
  CHECK(status.actions[3].text.rfind("Passed/agreed to in House", 0) == 0);
  CHECK(status.actions[8].code == "Intro-H");
  CHECK(server.requests() == 5);
  CHECK(status.actions[8].key() != status.actions[9].key());  // same day and text, different codes
}

TEST_CASE("Congress.gov errors: a refused key, an unknown bill, garbage, and a service that stays down") {
  World world;
  MockServer server;
  Api api(server);
  SUBCASE("no key") {
    api.options.api_key.clear();
    CHECK_THROWS_WITH_AS(bills::fetch_bill_status(*world.http, api.options, k_hr21),
                         doctest::Contains("no Congress.gov API key"), Error);
    CHECK(server.requests() == 0);
  }
  SUBCASE("refused key") {
    server.fail("/v3/bill/117/hr/21", 403, R"({"error": {"code": "API_KEY_INVALID"}})");
    try {
      bills::fetch_bill_status(*world.http, api.options, k_hr21);
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(std::string(e.what()).find("refused the API key") != std::string::npos);
      CHECK(std::string(e.what()).find("SECRET") == std::string::npos);
      CHECK(e.code() == ExitCode::usage);
    }
  }
  SUBCASE("unknown bill") {
    server.fail("/v3/bill/117/hr/21", 404, "{}");
    CHECK_THROWS_WITH_AS(bills::fetch_bill_status(*world.http, api.options, k_hr21),
                         doctest::Contains("Congress.gov has no bill H.R. 21 (hr21-117)"), Error);
  }
  SUBCASE("garbage") {
    server.on("/v3/bill/117/hr/21", [](const httplib::Request&, httplib::Response& response) {
      response.set_content("<html>maintenance</html>", "text/html");
    });
    CHECK_THROWS_WITH_AS(bills::fetch_bill_status(*world.http, api.options, k_hr21),
                         doctest::Contains("something other than the expected JSON"), Error);
  }
  SUBCASE("429 then an answer: waits as told, then goes on") {
    int calls = 0;
    server.on("/v3/bill/117/hr/21", [&](const httplib::Request&, httplib::Response& response) {
      if (++calls == 1) {
        response.status = 429;
        response.set_header("Retry-After", "2");
        return;
      }
      response.set_content(recorded_bill(), "application/json");
    });
    serve_actions(server, "/v3/bill/117/hr/21/actions", nlohmann::json::parse(recorded_actions()));
    CHECK(bills::fetch_bill_status(*world.http, api.options, k_hr21).actions.size() == 10);
    REQUIRE(api.waits.size() == 1);
    CHECK(api.waits[0] == std::chrono::seconds(2));
  }
  SUBCASE("500 every time: gives up after the retries, with growing waits") {
    server.fail("/v3/bill/117/hr/21", 500, "oops");
    CHECK_THROWS_WITH_AS(bills::fetch_bill_status(*world.http, api.options, k_hr21),
                         doctest::Contains("HTTP 500 for H.R. 21 (hr21-117) after 3 retries"), Error);
    REQUIRE(api.waits.size() == 3);
    CHECK(api.waits[1] == api.waits[0] * 2);
    CHECK(server.requests() == 4);
  }
}

TEST_CASE("each new action raises exactly one alert, shown once; a second sync repeats nothing") {
  World world;
  auto db = journal::open_journal(world.dir / "journal.db", k_now);
  journal::track_bill(db, "hr21-117", "", k_now);
  bills::CongressStatus status;
  status.actions = {{"2021-01-05", "8000", "Passed/agreed to in House", "Library of Congress"},
                    {"2021-01-04", "1000", "Introduced in House", "Library of Congress"}};
  status.latest_action_date = "2021-01-05";
  const auto first = journal::record_sync(db, "hr21-117", "H.R. 21", status, k_now);
  CHECK(first.first_sync);
  CHECK(first.new_actions == 2);
  CHECK(first.alerts == 1);  // history is not news: only where it stands
  auto alerts = journal::unshown_alerts(db);
  REQUIRE(alerts.size() == 1);
  CHECK(alerts[0].text == "H.R. 21, 2021-01-05: Passed/agreed to in House");
  journal::mark_shown(db, alerts, k_now);
  CHECK(journal::unshown_alerts(db).empty());

  CHECK(journal::record_sync(db, "hr21-117", "H.R. 21", status, k_now).alerts == 0);
  status.actions.insert(status.actions.begin(), {"2021-01-06", "", "Received in the Senate", "Senate"});
  const auto third = journal::record_sync(db, "hr21-117", "H.R. 21", status, k_now);
  CHECK(third.new_actions == 1);
  CHECK(third.alerts == 1);
  CHECK(journal::unshown_alerts(db).size() == 1);
  CHECK(journal::tracked_bills(db).front().synced_at == k_now);
}

TEST_CASE("the recorded House floor schedule: every listed bill, by number, with removed items left out") {
  World world;
  const auto xml = read_file(samples() / "house-floor/billsthisweek-20260914.xml");
  const auto week = bills::parse_floor_schedule(xml, "billsthisweek-20260914.xml");
  CHECK(week.week_date == "2026-09-14");
  CHECK(week.items.size() >= 70);
  auto find = [&](const std::string& canonical) {
    return std::find_if(week.items.begin(), week.items.end(),
                        [&](const bills::FloorItem& item) { return item.bill.canonical() == canonical; });
  };
  REQUIRE(find("s283-119") != week.items.end());
  CHECK(find("s283-119")->text == "Illegal Red Snapper and Tuna Enforcement Act, as amended");
  CHECK(find("s283-119")->category == "Items that may be considered under suspension of the rules");
  CHECK(find("hjres210-119") != week.items.end());
  CHECK(find("hr5334-119") != week.items.end());  // "Senate amendments to H.R. 5334"
  // An item taken off the schedule keeps its element, with a remove-date.
  auto edited = xml;
  edited.replace(edited.find("remove-date=\"\""), 14, "remove-date=\"2026-09-10T10:00:00\"");
  const auto after = bills::parse_floor_schedule(edited, "edited.xml");
  CHECK(after.items.size() == week.items.size() - 1);
  CHECK(std::none_of(after.items.begin(), after.items.end(),
                     [](const bills::FloorItem& item) { return item.bill.canonical() == "s283-119"; }));
  CHECK(bills::floor_schedule_url("https://docs.house.gov/billsthisweek/", *parse_date("2026-09-14")) ==
        "https://docs.house.gov/billsthisweek/20260914/20260914.xml");
  CHECK(format_date(bills::week_monday(*parse_date("2026-09-17"))) == "2026-09-14");
  CHECK(format_date(bills::week_monday(*parse_date("2026-09-14"))) == "2026-09-14");
  CHECK(format_date(bills::week_monday(*parse_date("2026-09-20"))) == "2026-09-14");
  CHECK_THROWS_WITH_AS(bills::parse_floor_schedule("<html><body>moved</body></html>", "x.xml"),
                       doctest::Contains("not a House floor schedule"), Error);
  CHECK_THROWS_WITH_AS(bills::parse_floor_schedule("<floorschedule week-date=", "x.xml"),
                       doctest::Contains("malformed XML"), Error);
}
