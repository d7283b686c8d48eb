// A failed or interrupted update keeps the previous reference.db working
// and says which file and entry failed.
#include <doctest/doctest.h>

#include <fstream>

#include "core/data/reference_db.hpp"
#include "core/data/update.hpp"
#include "core/util/files.hpp"
#include "core/util/sha256.hpp"
#include "support/mock_server.hpp"
#include "support/test_env.hpp"

using namespace civic;
using namespace civic::test;
namespace fs = std::filesystem;

namespace {

// A copy of the fixture mirror that a test may damage.
fs::path copy_mirror(const TempDir& dir) {
  const auto copy = dir / "mirror";
  fs::copy(mini_mirror(), copy, fs::copy_options::recursive);
  return copy;
}

data::UpdateOptions options_for(World& world, const std::string& from) {
  return data::UpdateOptions{from, world.data_dir(), world.dir / "cache", "test"};
}

std::string database_digest(World& world) { return sha256_hex(read_file(world.data_dir() / "reference.db")); }

// The message of the Error the update throws, with its context lines.
std::string update_error(World& world, const std::string& from, ExitCode expected = ExitCode::failure) {
  try {
    data::update_reference(options_for(world, from), world.env(), {});
  } catch (const Error& e) {
    CHECK(e.code() == expected);
    std::string text = e.what();
    for (const auto& line : e.contexts()) {
      text += "\n" + line;
    }
    return text;
  }
  FAIL("the update should have failed");
  return "";
}

void check_previous_kept(World& world, const std::string& digest) {
  CHECK(database_digest(world) == digest);
  auto db = data::open_reference(world.data_dir() / "reference.db");
  CHECK(db.execAndGet("SELECT COUNT(*) FROM official").getInt() == 17);
  for (const auto& entry : fs::directory_iterator(world.data_dir())) {
    CHECK(entry.path().filename() == "reference.db");  // no staging file left behind
  }
}

}  // namespace

TEST_CASE("truncated YAML: the error names file and line, the old database survives") {
  World world;
  const auto mirror = copy_mirror(world.dir);
  data::update_reference(options_for(world, mirror.string()), world.env(), {});
  const auto digest = database_digest(world);

  const auto file = mirror / "congress-legislators/legislators-current.yaml";
  const auto content = read_file(file);
  write_text(file, content.substr(0, content.find("  terms:\n  - type: sen")) + "  terms:\n  - type: [sen\n");
  const auto message = update_error(world, mirror.string());
  CHECK(message.find("congress-legislators/legislators-current.yaml:") != std::string::npos);
  CHECK(message.find("malformed YAML") != std::string::npos);
  CHECK(message.find("the previous " + (world.data_dir() / "reference.db").string() + " is kept") !=
        std::string::npos);
  check_previous_kept(world, digest);
}

TEST_CASE("a missing file is named, and the old database survives") {
  World world;
  const auto mirror = copy_mirror(world.dir);
  data::update_reference(options_for(world, mirror.string()), world.env(), {});
  const auto digest = database_digest(world);
  fs::remove(mirror / "congress-legislators/legislators-social-media.yaml");
  const auto message = update_error(world, mirror.string());
  CHECK(message.find("missing file " + (mirror / "congress-legislators/legislators-social-media.yaml").string()) !=
        std::string::npos);
  check_previous_kept(world, digest);
}

TEST_CASE("unusable entries are all listed with their files") {
  World world;
  const auto mirror = copy_mirror(world.dir);
  data::update_reference(options_for(world, mirror.string()), world.env(), {});
  const auto digest = database_digest(world);
  write_text(mirror / "openstates-people/data/wa/legislature/No-Name.yml",
             "id: ocd-person/00000000-0000-4000-8000-0000000000ff\nroles:\n- type: lower\n"
             "  jurisdiction: ocd-jurisdiction/country:us/state:wa/government\n  district: '3'\n");
  write_text(mirror / "openstates-people/data/wa/legislature/Bad-Place.yml",
             "id: ocd-person/00000000-0000-4000-8000-0000000000fe\nname: Bad Place\nroles:\n- type: lower\n"
             "  jurisdiction: ocd-jurisdiction/country:ca/province:on/government\n  district: '3'\n");
  const auto message = update_error(world, mirror.string());
  CHECK(message.find("openstates-people: 2 entries could not be imported") != std::string::npos);
  CHECK(message.find("openstates-people/wa/legislature/No-Name.yml: missing 'name'") != std::string::npos);
  CHECK(message.find("openstates-people/wa/legislature/Bad-Place.yml: role jurisdiction "
                     "'ocd-jurisdiction/country:ca/province:on/government' is not a US state") != std::string::npos);
  check_previous_kept(world, digest);
}

TEST_CASE("an unreachable URL and an HTTP error keep the old database") {
  World world;
  data::update_reference(options_for(world, mini_mirror().string()), world.env(), {});
  const auto digest = database_digest(world);

  auto message = update_error(world, "http://127.0.0.1:1/mirror/");
  CHECK(message.find("cannot reach http://127.0.0.1:1/mirror/") != std::string::npos);
  check_previous_kept(world, digest);

  MockServer server;
  server.serve_directory(mini_mirror());
  server.fail("/openstates-people/data/wa/legislature/Hal-Rep.yml", 500, "boom");
  message = update_error(world, server.url() + "/");
  CHECK(message.find("HTTP 500 from " + server.url() + "/openstates-people/data/wa/legislature/Hal-Rep.yml") !=
        std::string::npos);
  check_previous_kept(world, digest);
}

TEST_CASE("an interrupted update stops with exit 130 and keeps the old database") {
  World world;
  data::update_reference(options_for(world, mini_mirror().string()), world.env(), {});
  const auto digest = database_digest(world);
  try {
    data::update_reference(options_for(world, mini_mirror().string()), world.env(),
                           [&](const data::ImportProgress& progress) {
                             if (progress.dataset == "openstates-people") {
                               world.cancel.cancel();  // as Ctrl-C does
                             }
                           });
    FAIL("expected an interruption");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::interrupted);
  }
  check_previous_kept(world, digest);
}

TEST_CASE("a first update that fails writes nothing; a killed update's staging file is cleaned up") {
  World world;
  const auto mirror = copy_mirror(world.dir);
  fs::remove(mirror / "crosswalks/ocd-division-ids/us_congressional_districts.csv");
  const auto message = update_error(world, mirror.string());
  CHECK(message.find("nothing was written") != std::string::npos);
  CHECK_FALSE(fs::exists(world.data_dir() / "reference.db"));

  // pid 999999999 cannot be running: its staging file is abandoned.
  write_text(world.data_dir() / "reference.db.new-999999999", "half a database");
  data::update_reference(options_for(world, mini_mirror().string()), world.env(), {});
  CHECK_FALSE(fs::exists(world.data_dir() / "reference.db.new-999999999"));
  CHECK(fs::exists(world.data_dir() / "reference.db"));
}

TEST_CASE("a reference.db from another schema or another program is refused with a hint") {
  World world;
  fs::create_directories(world.data_dir());
  {
    SQLite::Database db((world.data_dir() / "reference.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE t (x)");
  }
  CHECK_THROWS_WITH_AS(data::open_reference(world.data_dir() / "reference.db"),
                       doctest::Contains("is not a civic reference database"), Error);
  {
    SQLite::Database db((world.data_dir() / "reference.db").string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA application_id = " + std::to_string(data::k_reference_application_id) +
            "; PRAGMA user_version = 99");
  }
  try {
    data::open_reference(world.data_dir() / "reference.db");
    FAIL("expected a refusal");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("schema 99") != std::string::npos);
    CHECK(e.hint_text() == "run 'civic data update' to rebuild it");
  }
  CHECK_THROWS_WITH_AS(data::open_reference(world.dir / "nothing.db"), doctest::Contains("no reference data yet"),
                       Error);
}
