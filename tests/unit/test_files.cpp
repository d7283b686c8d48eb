// Reading whole files; StagedWriter: new files linked into place, existing ones replaced, from
// several threads at once, with nothing left in the staging folder.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "core/util/files.hpp"
#include "support/test_env.hpp"

using namespace civic;
using namespace civic::test;
namespace fs = std::filesystem;

TEST_CASE("a staged writer adds new files with their folders, replaces old ones, and leaves no staging behind") {
  World world;
  const auto out = world.dir / "out";
  const auto staging = out / ".staging";
  fs::create_directories(out / "kept");
  write_file_atomic(out / "kept" / "old.txt", "old bytes");
  {
    StagedWriter writer(staging);
    writer.add(out / "a" / "b" / "new.txt", "new bytes");  // folders made as needed
    writer.replace(out / "kept" / "old.txt", "replaced");
    writer.add(out / "kept" / "empty.txt", "");
    writer.add(out / "kept" / "empty.txt", "there after all");  // replaced all the same
    writer.replace(out / "c" / "d.txt", "replacing nothing");   // folders made here too
    CHECK(read_file(out / "a" / "b" / "new.txt") == "new bytes");
    CHECK(read_file(out / "kept" / "old.txt") == "replaced");
    CHECK(read_file(out / "kept" / "empty.txt") == "there after all");
    CHECK(read_file(out / "c" / "d.txt") == "replacing nothing");
    write_text(staging / "finished-1", "finished elsewhere");
    write_text(staging / "finished-2", "finished, replacing");
    writer.place(out / "e" / "f.txt", staging / "finished-1");  // moved, folders made
    writer.place(out / "c" / "d.txt", staging / "finished-2");
    CHECK(read_file(out / "e" / "f.txt") == "finished elsewhere");
    CHECK(read_file(out / "c" / "d.txt") == "finished, replacing");
    CHECK_FALSE(fs::exists(staging / "finished-1"));
    // Temporary files never show beside the written ones.
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(out / "kept")) {
      names.push_back(entry.path().filename().string());
    }
    CHECK(names.size() == 2);
  }
  CHECK_FALSE(fs::exists(staging));
}

TEST_CASE("a staged writer takes files from several threads at once") {
  World world;
  const auto out = world.dir / "out";
  {
    StagedWriter writer(out / ".staging");
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < 200; ++i) {
          const auto name = std::to_string(t) + "-" + std::to_string(i);
          // Every thread writes some folders new and some the others write to.
          writer.add(out / ("s" + std::to_string(i % 50)) / (name + ".txt"), name);
          if (i % 20 == 0) {
            writer.replace(out / "shared.txt", name);  // replaced again and again
          }
        }
      });
    }
    for (auto& thread : threads) {
      thread.join();
    }
  }
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    if (entry.is_regular_file() && entry.path().filename() != "shared.txt") {
      ++files;
      CHECK(read_file(entry.path()) == entry.path().stem().string());
    }
  }
  CHECK(files == 800);
  CHECK(read_file(out / "shared.txt").find('-') != std::string::npos);
  CHECK_FALSE(fs::exists(out / ".staging"));
}

TEST_CASE("a file compares as missing, the same or different") {
  World world;
  const auto path = world.dir / "letter.txt";
  CHECK(compare_file(path, "text") == FileMatch::missing);
  write_file_atomic(path, "text");
  CHECK(compare_file(path, "text") == FileMatch::same);
  CHECK(compare_file(path, "texT") == FileMatch::different);
  CHECK(compare_file(path, "longer text") == FileMatch::different);
}

TEST_CASE("a file is read whole: large, empty, without a size, or not at all with its path") {
  World world;
  std::string big;
  for (int i = 0; big.size() < 3'000'000; ++i) {
    big += std::to_string(i) + ",line\n";
  }
  write_file_atomic(world.dir / "big.csv", big);
  CHECK(read_file(world.dir / "big.csv") == big);
  write_file_atomic(world.dir / "empty.csv", "");
  CHECK(read_file(world.dir / "empty.csv").empty());
  // /proc files report no size: read on to the end all the same.
  const auto status = read_file("/proc/self/status");
  CHECK(status.find("Name:") == 0);
  CHECK(status.find("VmRSS:") != std::string::npos);
  const std::string missing_message =
      "cannot read " + (world.dir / "missing.csv").string() + ": No such file or directory";
  CHECK_THROWS_WITH_AS(read_file(world.dir / "missing.csv"), missing_message.c_str(), Error);
  CHECK_THROWS_WITH_AS(read_file(world.dir / "."), doctest::Contains("Is a directory"), Error);
}
