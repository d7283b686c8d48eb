// `civic data update --from http://...`: a mirror served over HTTP gives
// the same data as the same mirror on disk.
#include <doctest/doctest.h>

#include <cstdlib>

#include <SQLiteCpp/Statement.h>

#include "core/cancel.hpp"
#include "core/data/archive.hpp"
#include "core/data/reference_db.hpp"
#include "core/data/update.hpp"
#include "core/util/files.hpp"
#include "support/mock_server.hpp"
#include "support/test_env.hpp"

using namespace civic;
using namespace civic::test;
namespace fs = std::filesystem;

namespace {

std::map<std::string, std::string> dataset_digests(const fs::path& database) {
  auto db = data::open_reference(database);
  SQLite::Statement rows(db, "SELECT name, sha256 || ' ' || record_count FROM dataset");
  std::map<std::string, std::string> digests;
  while (rows.executeStep()) {
    digests[rows.getColumn(0).getString()] = rows.getColumn(1).getString();
  }
  return digests;
}

}  // namespace

TEST_CASE("the fixture mirror over HTTP imports the same data as from disk") {
  World world;
  MockServer server;
  server.serve_directory(mini_mirror());
  data::update_reference({mini_mirror().string(), world.dir / "from-dir", world.dir / "cache", "test"}, world.env(),
                         {});
  const auto summary =
      data::update_reference({server.url() + "/", world.dir / "from-http", world.dir / "cache", "test"}, world.env(),
                             {});
  CHECK(dataset_digests(world.dir / "from-dir/reference.db") == dataset_digests(summary.database));
  CHECK(summary.datasets.at(0).source == server.url() + "/congress-legislators");
  CHECK(summary.datasets.at(0).version == std::string(40, '1'));  // PROVENANCE.md read over HTTP too
  CHECK(server.requests() > 20);
}

TEST_CASE("an upstream archive is downloaded and unpacked without its top folder") {
  World world;
  const auto tree = world.dir / "src/people-main/data/wa/legislature";
  write_text(tree / "Someone.yml", "id: x\n");
  const auto archive = world.dir / "people.tar.gz";
  const auto command = "tar -czf '" + archive.string() + "' -C '" + (world.dir / "src").string() + "' people-main";
  REQUIRE(std::system(command.c_str()) == 0);

  MockServer server;
  server.serve_directory(world.dir.path());
  const auto dest = world.dir / "cache/upstream/openstates-people";
  data::fetch_archive(*world.http, server.url() + "/people.tar.gz", dest, world.cancel);
  CHECK(read_file(dest / "data/wa/legislature/Someone.yml") == "id: x\n");

  // A truncated download fails and leaves the previous unpacked copy alone.
  const auto bytes = read_file(archive);
  write_text(world.dir / "broken.tar.gz", bytes.substr(0, bytes.size() / 2));
  CHECK_THROWS_AS(data::fetch_archive(*world.http, server.url() + "/broken.tar.gz", dest, world.cancel), Error);
  CHECK(read_file(dest / "data/wa/legislature/Someone.yml") == "id: x\n");
  CHECK_FALSE(fs::exists(dest.string() + ".new"));
  CHECK_THROWS_WITH_AS(data::fetch_archive(*world.http, server.url() + "/missing.tar.gz", dest, world.cancel),
                       doctest::Contains("HTTP 404"), Error);
}
