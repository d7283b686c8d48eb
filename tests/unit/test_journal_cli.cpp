// The journal commands that reach the network, run in-process against mock
// Congress.gov and House servers on 127.0.0.1 built from recorded answers.
#include <doctest/doctest.h>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "core/util/files.hpp"
#include "support/mock_server.hpp"
#include "support/test_env.hpp"

using namespace civic;
using namespace civic::test;

namespace {

constexpr const char* k_key = "KEY-0123456789-SECRET";

std::filesystem::path samples() { return real_mirror() / "api-samples"; }

// Congress.gov for one bill: the recorded bill and actions answers, with
// the actions replaced when a test needs others.
void serve_bill(MockServer& server, const std::string& path, const nlohmann::json& actions) {
  const auto bill = read_file(samples() / "congress-gov/sample_output/bill_117_hr_21.json");
  server.on("/v3" + path, [bill](const httplib::Request& request, httplib::Response& response) {
    if (request.get_header_value("X-Api-Key") != k_key) {
      response.status = 403;
      response.set_content(R"({"error": {"code": "API_KEY_INVALID"}})", "application/json");
      return;
    }
    response.set_content(bill, "application/json");
  });
  server.on("/v3" + path + "/actions", [actions](const httplib::Request&, httplib::Response& response) {
    auto page = nlohmann::json::parse(read_file(samples() / "congress-gov/sample_output/bill_117_hr_21_actions.json"));
    if (!actions.is_null()) {
      page["actions"] = actions;
      page["pagination"]["count"] = actions.size();
    }
    response.set_content(page.dump(), "application/json");
  });
}

struct Setup {
  Setup() {
    load_mini_mirror(world);
    world.vars["CIVIC_CONGRESS_URL"] = congress.url() + "/v3";
    world.vars["CONGRESS_API_KEY"] = k_key;
    world.vars["CIVIC_HOUSE_FLOOR_URL"] = house.url() + "/billsthisweek";
  }
  CliResult run(const std::vector<std::string>& args) { return run_cli(world, args); }
  World world;
  MockServer congress;
  MockServer house;
};

}  // namespace

TEST_CASE("bills sync: the latest action becomes one alert, shown once by remind, never repeated") {
  Setup s;
  serve_bill(s.congress, "/bill/119/s/1829", nullptr);
  auto sync = s.run({"bills", "sync", "S. 1829"});
  CHECK(sync.code == 0);
  CHECK(sync.out.find("s1829-119: 10 action(s), 10 new; latest 2021-01-06") != std::string::npos);
  CHECK(sync.err.find("now tracking s1829-119") != std::string::npos);
  auto first = s.run({"remind", "--format", "csv"});
  CHECK(first.out.find("bill-action,\"S. 1829, 2021-01-06: Received in the Senate") != std::string::npos);
  auto second = s.run({"remind", "--format", "csv"});
  CHECK(second.out.find("bill-action") == std::string::npos);
  auto again = s.run({"bills", "sync"});
  CHECK(again.code == 0);
  CHECK(again.out.find("10 action(s), 0 new") != std::string::npos);
  CHECK(s.run({"remind", "--format", "csv"}).out.find("bill-action") == std::string::npos);
  // Congress.gov's title replaces the catalog's name (the mock answers with
  // the recorded H.R. 21 of the 117th Congress).
  auto tracked = s.run({"track", "--list", "--format", "csv"});
  CHECK(tracked.out.find("s1829-119,FedRAMP Authorization Act,2021-01-06,Received in the Senate") !=
        std::string::npos);
}

TEST_CASE("bills sync: the key is never printed, and a refused key stops with a usage error") {
  Setup s;
  serve_bill(s.congress, "/bill/119/s/1829", nullptr);
  s.world.vars["CONGRESS_API_KEY"] = "KEY-WRONG-SECRET";
  auto refused = s.run({"bills", "sync", "s1829"});
  CHECK(refused.code == 2);
  CHECK(refused.err.find("refused the API key (HTTP 403)") != std::string::npos);
  CHECK(refused.err.find("SECRET") == std::string::npos);
  auto config = s.run({"config", "show"});
  CHECK(config.out.find("SECRET") == std::string::npos);
  CHECK(config.out.find("(set, hidden)") != std::string::npos);
  s.world.vars.erase("CONGRESS_API_KEY");
  auto missing = s.run({"bills", "sync", "s1829"});
  CHECK(missing.code == 2);
  CHECK(missing.err.find("no Congress.gov API key") != std::string::npos);
}

TEST_CASE("bills sync: one bill failing does not stop the others, and keeps what the journal had") {
  Setup s;
  serve_bill(s.congress, "/bill/119/s/1829", nullptr);
  s.congress.fail("/v3/bill/119/hr/1144", 404, "{}");
  auto result = s.run({"bills", "sync", "s1829", "hr1144"});
  CHECK(result.code == 3);
  CHECK(result.out.find("s1829-119: 10 action(s)") != std::string::npos);
  CHECK(result.err.find("Congress.gov has no bill H.R. 1144 (hr1144-119)") != std::string::npos);
  CHECK(result.err.find("1 of 2 bill(s) could not be synced") != std::string::npos);
}

TEST_CASE("a bill you supported becoming law asks you to thank the officials you wrote to") {
  Setup s;
  const auto actions = nlohmann::json::parse(R"([
    {"actionDate": "2026-01-23", "text": "Became Public Law No: 119-73.", "type": "President",
     "sourceSystem": {"code": 9, "name": "Library of Congress"}},
    {"actionDate": "2025-12-10", "text": "Passed Senate without amendment by Unanimous Consent.",
     "sourceSystem": {"code": 0, "name": "Senate"}}])");
  serve_bill(s.congress, "/bill/119/hr/4323", actions);
  CHECK(s.run({"log", "--official", "A000001", "--channel", "letter", "--bill", "hr4323", "--stance", "support",
               "--outcome", "replied", "--at", "2025-09-01"})
            .code == 0);
  CHECK(s.run({"bills", "sync", "hr4323"}).code == 0);
  auto due = s.run({"remind", "--format", "csv"});
  CHECK(due.out.find("thank,hr4323-119 became law on 2026-01-23: thank U.S. Senator Alice Example") !=
        std::string::npos);
  CHECK(s.run({"log", "--official", "A000001", "--channel", "email", "--bill", "hr4323", "--stance", "thanks"})
            .code == 0);
  CHECK(s.run({"remind", "--format", "csv"}).out.find("thank,") == std::string::npos);
}

TEST_CASE("upcoming --fetch reads the House floor schedule and matches tracked bills by number") {
  Setup s;
  s.world.clock.set(*parse_utc_timestamp("2026-09-16T14:00:00Z"));  // a Wednesday
  const auto week = read_file(samples() / "house-floor/billsthisweek-20260914.xml");
  s.house.on("/billsthisweek/20260914/20260914.xml", [week](const httplib::Request&, httplib::Response& response) {
    response.set_content(week, "application/xml");
  });
  s.house.fail("/billsthisweek/20260921/20260921.xml", 404, "Not Found");
  CHECK(s.run({"track", "S. 283", "hr1144"}).code == 0);
  auto fetched = s.run({"upcoming", "--fetch", "--format", "csv"});
  CHECK(fetched.code == 0);
  CHECK(fetched.out ==
        "day,kind,chamber,bill,title,source\n"
        "week of 2026-09-14,floor,house,s283-119,\"Illegal Red Snapper and Tuna Enforcement Act, as amended (Items "
        "that may be considered under suspension of the rules)\",house-floor\n");
  CHECK(fetched.err.find("House floor, week of 2026-09-14: ") != std::string::npos);
  CHECK(fetched.err.find("1 on bills you track") != std::string::npos);
  CHECK(fetched.err.find("no House floor schedule published yet for the week of 2026-09-21") != std::string::npos);

  // A contact about the bill turns the floor week into a call to make.
  CHECK(s.run({"log", "--official", "C000003", "--channel", "letter", "--bill", "s283", "--stance", "support",
               "--at", "2026-09-01"})
            .code == 0);
  CHECK(s.run({"remind", "--format", "csv"})
            .out.find("call-before-vote,s283-119 may come to a House vote the week of 2026-09-14: call U.S. "
                      "Representative Carol Placeholder before it") != std::string::npos);

  // Garbage from the server: an error, and the week fetched before stays.
  s.house.on("/billsthisweek/20260914/20260914.xml", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("<html><body>Service Unavailable</body></html>", "text/html");
  });
  auto broken = s.run({"upcoming", "--fetch"});
  CHECK(broken.code == 1);
  CHECK(broken.err.find("not a House floor schedule") != std::string::npos);
  CHECK(s.run({"upcoming", "--format", "csv"}).out.find("s283-119") != std::string::npos);
}
