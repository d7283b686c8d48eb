#include <doctest/doctest.h>

#include "core/data/file_tree.hpp"
#include "core/data/importers.hpp"
#include "core/data/manifest.hpp"
#include "core/data/update.hpp"
#include "core/error.hpp"

using namespace civic;
using namespace civic::data;

TEST_CASE("the compiled-in manifest names every dataset with a license and an upstream") {
  const auto& specs = builtin_manifest();
  std::vector<std::string> names;
  for (const auto& spec : specs) {
    names.push_back(spec.name);
    CHECK_FALSE(spec.license.empty());
    CHECK_FALSE(spec.mirror.empty());
    CHECK((!spec.upstream.empty() || !spec.upstream_archive.empty()));
  }
  CHECK(names == std::vector<std::string>{"congress-legislators", "openstates-people", "ocd-division-ids",
                                          "openstates-geo", "tiger-sld-2024", "tiger-cd-119", "zcta-cd-119",
                                          "ilab-goods"});
  CHECK(builtin_dataset("congress-legislators").changes_often);
  CHECK_FALSE(builtin_dataset("tiger-sld-2024").changes_often);
  CHECK(builtin_dataset("openstates-people").archive_dir == "data");
}

TEST_CASE("a malformed manifest is refused with its line") {
  CHECK_THROWS_WITH_AS(parse_manifest("[[dataset]]\nname = \"x\"\n", "m.toml"),
                       doctest::Contains("m.toml:1: a dataset needs name, mirror and upstream"), Error);
  CHECK_THROWS_WITH_AS(parse_manifest("[[dataset]\n", "m.toml"), doctest::Contains("m.toml:1:"), Error);
}

TEST_CASE("directory listings from nginx, Apache and python give the folder's entries") {
  const std::string html = R"(<html><a href="../">../</a>
<a href="legislature/">legislature/</a>
<a href='Jos%C3%A9-Ortiz.yml'>x</a>
<a href="./a.yml">a</a> <a href="/abs/b.yml">b</a> <a href="?C=M;O=A">sort</a>
<a href="http://elsewhere/c.yml">c</a> <a href="sub/deeper/x.yml">d</a>)";
  CHECK(parse_directory_listing(html) == std::vector<std::string>{"legislature/", "José-Ortiz.yml", "a.yml"});
}

TEST_CASE("PROVENANCE.md rows give the commit and date of each repository") {
  const auto rows = parse_provenance(
      "| repo | HEAD commit | HEAD date |\n|---|---|---|\n"
      "| unitedstates/congress-legislators | `dfa9622263dd4c8d08636926e498f1845704d7eb` | 2026-06-15 |\n"
      "| `a/b` | not a commit | x |\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows.at("unitedstates/congress-legislators").commit == "dfa9622263dd4c8d08636926e498f1845704d7eb");
  CHECK(rows.at("unitedstates/congress-legislators").date == "2026-06-15");
}

TEST_CASE("every dataset of the manifest has its row in the importers' table, in the manifest's order") {
  const auto& manifest = builtin_manifest();
  const auto& table = importers();
  REQUIRE(table.size() == manifest.size());
  for (std::size_t i = 0; i < manifest.size(); ++i) {
    CHECK(table[i].dataset == manifest[i].name);
    CHECK((importer_for(manifest[i].name) == table[i].run));
  }
  CHECK_THROWS_WITH_AS(importer_for("no-such-dataset"), "no importer for dataset 'no-such-dataset'", Error);
}

TEST_CASE("a directory listing or PROVENANCE.md with very long lines is read without recursion") {
  const std::string long_name(500000, 'a');
  const auto names = parse_directory_listing("<a href=\"" + long_name + ".yml\">x</a><a HREF = 'b.yml'>b</a>");
  REQUIRE(names.size() == 2);
  CHECK(names[0].size() == long_name.size() + 4);
  CHECK(names[1] == "b.yml");
  const auto rows = parse_provenance("| " + long_name + "/x | `abcdef0` | 2026-01-01 |\n| a/b | `abcdef0` | 2026-01-01 |\n");
  CHECK(rows.size() == 2);
  CHECK(rows.at("a/b").commit == "abcdef0");
  CHECK(parse_provenance(" | a/b | `abcdef0` | 2026-01-01 |\n").empty());  // a row starts the line
}
