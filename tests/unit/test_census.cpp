// The Census Geocoder client against a mock server on 127.0.0.1 that
// answers with responses recorded from the real service.
#include <doctest/doctest.h>

#include <httplib.h>
#include <yaml-cpp/yaml.h>

#include "core/error.hpp"
#include "core/geo/census.hpp"
#include "core/util/files.hpp"
#include "support/mock_server.hpp"
#include "support/test_env.hpp"

using namespace civic;
using namespace civic::test;

namespace {

std::string recorded_oneline() {
  return read_file(real_mirror() / "api-samples/census-geocoder-current/onelineaddress-1600-pennsylvania-ave-dc.body.json");
}

// The body of the geographies/addressbatch exchange of the recorded vcrpy
// cassette. yaml-cpp chokes on the request's Python-specific tags, so only
// the response that follows that request's uri line is parsed.
std::string recorded_batch() {
  const auto cassette =
      read_file(real_mirror() / "api-samples/census-geocoder/censusgeocode-fixtures/address-batch.yaml");
  const auto uri = cassette.find("uri: https://geocoding.geo.census.gov/geocoder/geographies/addressbatch");
  const auto start = cassette.find("  response:", uri);
  const auto end = cassette.find("\n- request:", start);
  if (uri == std::string::npos || start == std::string::npos) {
    throw std::runtime_error("no batch exchange in the cassette");
  }
  const auto response = YAML::Load(cassette.substr(start, end == std::string::npos ? end : end - start));
  return response["response"]["body"]["string"].as<std::string>();
}

struct Client {
  explicit Client(World& world, const std::string& base, bool cache = true) {
    options.base_url = base;
    if (cache) {
      options.cache_dir = world.dir / "cache";
    }
    options.sleep = [this](std::chrono::milliseconds wait) { waits.push_back(wait); };
    geocoder = std::make_unique<geo::CensusGeocoder>(*world.http, options);
  }
  geo::CensusOptions options;
  std::vector<std::chrono::milliseconds> waits;
  std::unique_ptr<geo::CensusGeocoder> geocoder;
};

}  // namespace

TEST_CASE("a one-line address: coordinates and the districts the Census names, by layer-name suffix") {
  World world;
  MockServer server;
  std::string asked;
  server.on("/geocoder/geographies/onelineaddress", [&](const httplib::Request& request, httplib::Response& response) {
    asked = request.get_param_value("address") + "|" + request.get_param_value("benchmark") + "|" +
            request.get_param_value("vintage") + "|" + request.get_param_value("format");
    response.set_content(recorded_oneline(), "application/json");
  });
  Client client(world, server.url() + "/geocoder/");
  const auto match = client.geocoder->geocode("1600 Pennsylvania Ave NW, Washington, DC 20500");
  REQUIRE(match);
  CHECK(asked == "1600 Pennsylvania Ave NW, Washington, DC 20500|Public_AR_Current|Current_Current|json");
  CHECK(match->point.lat == doctest::Approx(38.898690918655));
  CHECK(match->point.lon == doctest::Approx(-77.036543957308));
  CHECK(match->matched_address == "1600 PENNSYLVANIA AVE NW, WASHINGTON, DC, 20500");
  CHECK(match->cd == std::vector<std::string>{"1198"});  // 98: the delegate district
  CHECK(match->sldu == std::vector<std::string>{"11002"});
  CHECK_FALSE(match->from_cache);

  // The second time comes from the cache; without a cache it asks again.
  const int requests = server.requests();
  CHECK(client.geocoder->geocode("1600 Pennsylvania Ave NW, Washington, DC 20500")->from_cache);
  CHECK(server.requests() == requests);
  Client uncached(world, server.url() + "/geocoder", false);
  (void)uncached.geocoder->geocode("1600 Pennsylvania Ave NW, Washington, DC 20500");
  CHECK(server.requests() == requests + 1);
}

TEST_CASE("no match is nullopt; garbage and refusals are errors that say so") {
  World world;
  MockServer server;
  server.on("/g/geographies/onelineaddress", [](const httplib::Request& request, httplib::Response& response) {
    const auto address = request.get_param_value("address");
    if (address == "nowhere") {
      response.set_content(R"({"result":{"input":{},"addressMatches":[]}})", "application/json");
    } else if (address == "garbage") {
      response.set_content("<html>Service unavailable</html>", "text/html");
    } else {
      response.set_content(R"({"errors":["Address cannot be empty"],"status":"400"})", "application/json");
    }
  });
  Client client(world, server.url() + "/g", false);
  CHECK_FALSE(client.geocoder->geocode("nowhere"));
  CHECK_THROWS_WITH_AS(client.geocoder->geocode("garbage"), doctest::Contains("is not JSON"), Error);
  CHECK_THROWS_WITH_AS(client.geocoder->geocode("x"), doctest::Contains("refused the request"), Error);
}

TEST_CASE("5xx and 429 are retried with growing waits, honouring Retry-After") {
  World world;
  MockServer server;
  int calls = 0;
  server.on("/g/geographies/onelineaddress", [&](const httplib::Request&, httplib::Response& response) {
    ++calls;
    if (calls == 1) {
      response.status = 503;
    } else if (calls == 2) {
      response.status = 429;
      response.set_header("Retry-After", "2");
    } else {
      response.set_content(recorded_oneline(), "application/json");
    }
  });
  Client client(world, server.url() + "/g", false);
  CHECK(client.geocoder->geocode("1600 Pennsylvania Ave NW, Washington, DC 20500"));
  CHECK(calls == 3);
  CHECK(client.waits == std::vector<std::chrono::milliseconds>{std::chrono::milliseconds(500),
                                                              std::chrono::milliseconds(2000)});

  server.fail("/h/geographies/onelineaddress", 500);
  Client failing(world, server.url() + "/h", false);
  CHECK_THROWS_WITH_AS(failing.geocoder->geocode("x"), doctest::Contains("HTTP 500 for 'x' after 3 retries"), Error);
  CHECK(failing.waits.size() == 3);
}

TEST_CASE("offline or unreachable, and a service that stalls, are clear errors") {
  World world;
  Client refused(world, "http://127.0.0.1:1/geocoder", false);
  CHECK_THROWS_WITH_AS(refused.geocoder->geocode("x"), doctest::Contains("cannot reach the Census Geocoder"), Error);

  MockServer server;
  server.on("/slow/geographies/onelineaddress", [](const httplib::Request&, httplib::Response& response) {
    std::this_thread::sleep_for(std::chrono::seconds(3));
    response.set_content("{}", "application/json");
  });
  Client slow(world, server.url() + "/slow", false);
  slow.options.stall_timeout = std::chrono::seconds(1);
  slow.geocoder = std::make_unique<geo::CensusGeocoder>(*world.http, slow.options);
  CHECK_THROWS_WITH_AS(slow.geocoder->geocode("x"), doctest::Contains("cannot reach the Census Geocoder"), Error);
}

TEST_CASE("a batch is a multipart upload; answers come back in the order asked") {
  World world;
  MockServer server;
  std::string uploaded;
  std::string fields;
  server.on("/g/geographies/addressbatch", [&](const httplib::Request& request, httplib::Response& response) {
    uploaded = request.get_file_value("addressFile").content;
    fields = request.get_file_value("benchmark").content + "|" + request.get_file_value("vintage").content;
    response.set_content(recorded_batch(), "text/plain");
  });
  Client client(world, server.url() + "/g");
  const std::vector<geo::BatchAddress> addresses = {{"1", "4600 Silver Hill Rd", "Suitland", "MD", "20746"},
                                                    {"2", "79 Wistful Vista", "Wistful Vista", "IL", ""},
                                                    {"3", "3 Gramercy Park West", "New York", "NY", "10003"}};
  const auto answers = client.geocoder->geocode_batch(addresses);
  CHECK(fields == "Public_AR_Current|Current_Current");
  CHECK(uploaded == "1,4600 Silver Hill Rd,Suitland,MD,20746\n2,79 Wistful Vista,Wistful Vista,IL,\n"
                    "3,3 Gramercy Park West,New York,NY,10003\n");
  REQUIRE(answers.size() == 3);
  CHECK(answers[0].id == "1");
  CHECK_FALSE(answers[0].match);
  CHECK_FALSE(answers[1].match);
  REQUIRE(answers[2].match);
  CHECK(answers[2].match->match_type == "Exact");
  CHECK(answers[2].match->point.lat == doctest::Approx(40.738323));
  CHECK(answers[2].match->point.lon == doctest::Approx(-73.98658));
  // Cached whole: asking again sends nothing.
  const int requests = server.requests();
  CHECK(client.geocoder->geocode_batch(addresses)[2].match->from_cache);
  CHECK(server.requests() == requests);
}

TEST_CASE("an answer that is not one is never cached: after a captive portal, the next request asks again") {
  World world;
  MockServer server;
  bool portal = true;
  server.on("/g/geographies/onelineaddress", [&](const httplib::Request& request, httplib::Response& response) {
    const auto address = request.get_param_value("address");
    if (address == "array") {
      response.set_content("[]", "application/json");
    } else if (address == "null") {
      response.set_content("null", "application/json");
    } else if (address == "zero") {
      response.set_content("0", "application/json");
    } else if (portal) {
      response.set_content("<html>Please log in to the hotel wifi</html>", "text/html");
    } else {
      response.set_content(recorded_oneline(), "application/json");
    }
  });
  server.on("/g/geographies/addressbatch", [&](const httplib::Request&, httplib::Response& response) {
    response.set_content(portal ? "<html>Please log in</html>\n" : recorded_batch(), "text/plain");
  });
  Client client(world, server.url() + "/g");
  for (const auto* odd : {"array", "null", "zero"}) {
    CHECK_THROWS_WITH_AS(client.geocoder->geocode(odd), doctest::Contains("is not a geocoding answer"), Error);
  }
  const std::string address = "1600 Pennsylvania Ave NW, Washington, DC 20500";
  CHECK_THROWS_WITH_AS(client.geocoder->geocode(address), doctest::Contains("is not JSON"), Error);
  const std::vector<geo::BatchAddress> batch = {{"1", "4600 Silver Hill Rd", "Suitland", "MD", "20746"},
                                                {"2", "79 Wistful Vista", "Wistful Vista", "IL", ""},
                                                {"3", "3 Gramercy Park West", "New York", "NY", "10003"}};
  CHECK_THROWS_WITH_AS(client.geocoder->geocode_batch(batch),
                       doctest::Contains("batch answer names 0 of the 3 addresses sent"), Error);
  CHECK_FALSE(std::filesystem::exists(world.dir / "cache" / "census"));
  portal = false;
  const auto match = client.geocoder->geocode(address);
  REQUIRE(match);
  CHECK_FALSE(match->from_cache);
  CHECK(client.geocoder->geocode_batch(batch)[2].match);
}

TEST_CASE("a cached answer that cannot be read is dropped and asked again") {
  World world;
  MockServer server;
  server.on("/g/geographies/onelineaddress", [&](const httplib::Request&, httplib::Response& response) {
    response.set_content(recorded_oneline(), "application/json");
  });
  Client client(world, server.url() + "/g");
  const std::string address = "1600 Pennsylvania Ave NW, Washington, DC 20500";
  REQUIRE(client.geocoder->geocode(address));
  const auto cached = *std::filesystem::directory_iterator(world.dir / "cache" / "census");
  write_file_atomic(cached.path(), "<html>stale portal page</html>");
  const int requests = server.requests();
  const auto again = client.geocoder->geocode(address);
  REQUIRE(again);
  CHECK_FALSE(again->from_cache);
  CHECK(server.requests() == requests + 1);
  CHECK(read_file(cached.path()) == recorded_oneline());
}
