// Bulk location: order, ids, bad rows, and Census batches that are
// chunked, cached and resumed after a failure.
#include <doctest/doctest.h>

#include <set>

#include <httplib.h>

#include "core/cancel.hpp"
#include "core/data/reference_db.hpp"
#include "core/geo/bulk.hpp"
#include "core/util/csv.hpp"
#include "core/util/files.hpp"
#include "support/mock_server.hpp"
#include "support/test_env.hpp"

using namespace civic;
using namespace civic::test;

namespace {

// Answers a batch upload: street "West" is in WA-1, "East" in WA-2, the rest unmatched.
void answer_batch(const httplib::Request& request, httplib::Response& response) {
  std::string body;
  csv::read(request.get_file_value("addressFile").content, "upload", [&](csv::Record&& row) {
    const auto& street = row.fields.at(1);
    const char* point = street == "1 West St" ? "-122.5,47.5" : street == "2 East St" ? "-121.5,47.5" : nullptr;
    body += point != nullptr ? csv::format_row({row.fields[0], street, "Match", "Non_Exact", street, point, "1", "L"})
                             : csv::format_row({row.fields[0], street, "No_Match"});
  });
  response.set_content(body, "text/plain");
}

struct Run {
  std::vector<geo::BulkRow> rows;
  geo::BulkSummary summary;
};

Run run_bulk(World& world, const std::string& csv_text, geo::CensusGeocoder* geocoder, std::size_t batch_size,
             unsigned threads = 0) {
  geo::BulkOptions options;
  options.geocoder = geocoder;
  options.batch_size = batch_size;
  options.threads = threads;
  options.open_database = [&world] {
    return std::make_unique<SQLite::Database>(data::open_reference(world.data_dir() / "reference.db"));
  };
  Run run;
  run.summary = geo::locate_rows(geo::read_place_queries(csv_text, "people.csv"), options, world.cancel,
                                 [&](geo::BulkRow&& row) { run.rows.push_back(std::move(row)); });
  return run;
}

std::string cd_of(const geo::BulkRow& row) {
  return row.location && !row.location->cd.empty() ? row.location->cd.front().info->geoid : "";
}

}  // namespace

TEST_CASE("every input row gives one answer, in order, with its id and line") {
  World world;
  load_mini_mirror(world);
  const std::string input = "id,lat,lon,zip\nx,47.5,-122.5,\ny,,,98002\nz,abc,1,\nw,47.5,-121.5,\n";
  const auto run = run_bulk(world, input, nullptr, 10);
  REQUIRE(run.rows.size() == 4);
  CHECK(run.rows[0].id == "x");
  CHECK(cd_of(run.rows[0]) == "5301");
  CHECK(run.rows[1].location->cd.size() == 2);
  CHECK(run.rows[2].error == "lat,lon 'abc,1' is not a point in degrees");
  CHECK(run.rows[2].line == 4);
  CHECK(cd_of(run.rows[3]) == "5302");
  CHECK(run.summary.rows == 4);
  CHECK(run.summary.failed == 1);
}

TEST_CASE("many rows on several threads, block after block, answer as one thread does, in input order") {
  World world;
  load_mini_mirror(world);
  // 30,000 rows (several blocks) across both districts and their shared
  // edge, with a bad row now and then.
  std::string input = "id,lat,lon\n";
  for (int i = 0; i < 30000; ++i) {
    if (i % 997 == 0) {
      input += "bad" + std::to_string(i) + ",north,west\n";
      continue;
    }
    const double lat = 47.1 + (i % 83) * 0.01;
    const double lon = -122.9 + (i % 211) * 0.01;
    input += "p" + std::to_string(i) + "," + std::to_string(lat) + "," + std::to_string(lon) + "\n";
  }
  const auto one = run_bulk(world, input, nullptr, 10, 1);
  const auto three = run_bulk(world, input, nullptr, 10, 3);
  REQUIRE(one.rows.size() == 30000);
  REQUIRE(three.rows.size() == 30000);
  CHECK(three.summary.failed == 31);
  CHECK(one.summary.failed == 31);
  std::size_t differences = 0;
  std::set<std::string> districts;
  for (std::size_t i = 0; i < one.rows.size(); ++i) {
    const auto& a = one.rows[i];
    const auto& b = three.rows[i];
    const bool same = a.id == b.id && a.line == b.line && a.error == b.error && cd_of(a) == cd_of(b) &&
                      (!a.location || a.location->near_boundary == b.location->near_boundary);
    differences += same ? 0 : 1;
    districts.insert(cd_of(b));
  }
  CHECK(differences == 0);
  CHECK(three.rows[1].id == "p1");
  CHECK(three.rows[29999].line == 30001);
  CHECK(districts.count("5301") == 1);
  CHECK(districts.count("5302") == 1);
}

TEST_CASE("a file without place columns is refused") {
  World world;
  load_mini_mirror(world);
  CHECK_THROWS_WITH_AS(run_bulk(world, "id,name\n1,x\n", nullptr, 10), doctest::Contains("people.csv:1: no place columns"),
                       Error);
}

TEST_CASE("addresses go in batches; a failed batch is retried on the next run, finished ones are not") {
  World world;
  load_mini_mirror(world);
  MockServer server;
  bool second_batch_fails = true;
  int batches = 0;
  server.on("/g/geographies/addressbatch", [&](const httplib::Request& request, httplib::Response& response) {
    ++batches;
    if (second_batch_fails && request.get_file_value("addressFile").content.find("Kent") != std::string::npos) {
      response.status = 500;
      return;
    }
    answer_batch(request, response);
  });
  geo::CensusOptions options;
  options.base_url = server.url() + "/g";
  options.cache_dir = world.dir / "cache";
  options.retries = 0;
  geo::CensusGeocoder geocoder(*world.http, options);
  const std::string input =
      "id,street,city,state,zip\n1,1 West St,Seattle,WA,\n2,2 East St,Yakima,WA,\n3,1 West St,Kent,WA,\n"
      "4,9 Nowhere Rd,Ellensburg,WA,\n5,2 East St,Wenatchee,WA,\n";

  auto first = run_bulk(world, input, &geocoder, 2);
  REQUIRE(first.rows.size() == 5);
  CHECK(batches == 3);
  CHECK(cd_of(first.rows[0]) == "5301");
  CHECK(cd_of(first.rows[1]) == "5302");
  CHECK(first.rows[2].error.find("HTTP 500") != std::string::npos);
  CHECK(first.rows[3].error.find("HTTP 500") != std::string::npos);
  CHECK(cd_of(first.rows[4]) == "5302");
  CHECK(first.rows[0].location->census->match_type == "Non_Exact");

  second_batch_fails = false;
  auto second = run_bulk(world, input, &geocoder, 2);
  CHECK(batches == 4);  // only the failed batch was asked again
  CHECK(cd_of(second.rows[2]) == "5301");
  CHECK(second.rows[3].error == "the Census Geocoder found no match for '9 Nowhere Rd, Ellensburg, WA'");
  CHECK(second.summary.failed == 1);
}

TEST_CASE("addresses over several blocks are geocoded a block ahead while the workers locate the one before") {
  World world;
  load_mini_mirror(world);
  MockServer server;
  int batches = 0;
  server.on("/g/geographies/addressbatch", [&](const httplib::Request& request, httplib::Response& response) {
    ++batches;
    answer_batch(request, response);
  });
  geo::CensusOptions options;
  options.base_url = server.url() + "/g";
  options.cache_dir = world.dir / "cache";
  options.retries = 0;
  geo::CensusGeocoder geocoder(*world.http, options);
  std::string input = "id,street,city,state,zip\n";
  for (int i = 0; i < 20000; ++i) {
    input += "a" + std::to_string(i) + (i % 3 == 0 ? ",2 East St,Yakima,WA,\n" : ",1 West St,Seattle,WA,\n");
  }
  const auto run = run_bulk(world, input, &geocoder, 4000, 2);
  CHECK(batches == 5);
  REQUIRE(run.rows.size() == 20000);
  CHECK(run.summary.failed == 0);
  std::size_t wrong = 0;
  for (std::size_t i = 0; i < run.rows.size(); ++i) {
    const auto expected = i % 3 == 0 ? "5302" : "5301";
    wrong += run.rows[i].id == "a" + std::to_string(i) && cd_of(run.rows[i]) == expected ? 0 : 1;
  }
  CHECK(wrong == 0);
}

TEST_CASE("an address through the CLI: the geocoder's point, our districts, and both in --explain") {
  World world;
  load_mini_mirror(world);
  MockServer server;
  server.on("/geocoder/geographies/onelineaddress", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(read_file(real_mirror() / "api-samples/census-geocoder-current/"
                                                   "onelineaddress-1600-pennsylvania-ave-dc.body.json"),
                         "application/json");
  });
  world.vars["CIVIC_CENSUS_URL"] = server.url() + "/geocoder";
  const auto result =
      run_cli(world, {"locate", "1600", "Pennsylvania", "Ave", "NW,", "Washington,", "DC", "20500", "--explain"});
  CHECK(result.code == 0);
  CHECK(result.out.find("congress       DC-AL (Delegate District (at Large))") != std::string::npos);
  CHECK(result.out.find("the Census Geocoder: 1600 PENNSYLVANIA AVE NW, WASHINGTON, DC, 20500") != std::string::npos);
  CHECK(result.out.find("the Census names CD 1198, upper 11002, lower  (its congressional district agrees)") !=
        std::string::npos);
  // --offline never asks: the same address answers from its ZIP, and says so.
  const int asked = server.requests();
  const auto offline = run_cli(world, {"locate", "--offline", "1 Main St, Seattle, WA 98001"});
  CHECK(offline.code == 0);
  CHECK(offline.out.find("offline: the address was not geocoded") != std::string::npos);
  CHECK(server.requests() == asked);
}
