// Nothing lost: separate processes writing the journal at once, and a
// process killed in the middle of its writes.
#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

#include "core/journal/contact.hpp"
#include "core/journal/journal_db.hpp"
#include "support/test_env.hpp"

using namespace civic;
using namespace civic::journal;
using namespace civic::test;

namespace {

constexpr const char* k_now = "2026-11-28T12:00:00Z";

Contact call(const std::string& official) {
  Contact c;
  c.at = k_now;
  c.official = {official, "Name", "U.S. Senator", "WA", ""};
  c.channel = Channel::call;
  return c;
}

// Runs `body` in a child process; returns its pid. The child never returns
// into the test runner.
template <class Body>
pid_t spawn(Body body) {
  const pid_t pid = fork();
  if (pid == 0) {
    int code = 0;
    try {
      body();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "child %d: %s\n", static_cast<int>(getpid()), e.what());
      code = 1;
    }
    _exit(code);
  }
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

}  // namespace

TEST_CASE("processes logging at the same time all succeed, and every row is kept") {
  World world;
  const auto path = world.data_dir() / "journal.db";
  constexpr int k_processes = 4;
  constexpr int k_each = 150;
  std::vector<pid_t> children;
  for (int p = 0; p < k_processes; ++p) {
    children.push_back(spawn([&path, p] {
      // Each opens on its own, as separate civic runs do; the first ones
      // race to create and migrate the file.
      auto db = open_journal(path, k_now);
      for (int i = 0; i < k_each; ++i) {
        add_contact(db, call("P" + std::to_string(p)), k_now);
      }
    }));
  }
  for (const auto pid : children) {
    CHECK(wait_for(pid) == 0);
  }
  auto db = open_journal(path, k_now);
  CHECK(db.execAndGet("SELECT count(*) FROM contact").getInt() == k_processes * k_each);
  CHECK(db.execAndGet("SELECT count(DISTINCT uid) FROM contact").getInt() == k_processes * k_each);
  for (int p = 0; p < k_processes; ++p) {
    CHECK(db.execAndGet("SELECT count(*) FROM contact WHERE official_id = 'P" + std::to_string(p) + "'").getInt() ==
          k_each);
  }
}

TEST_CASE("a process killed in the middle of writing leaves a consistent journal with whole batches") {
  World world;
  const auto path = world.data_dir() / "journal.db";
  open_journal(path, k_now);  // created before the writer starts
  constexpr int k_batch = 40;
  for (const int wait_ms : {30, 120, 400}) {
    CAPTURE(wait_ms);
    const pid_t writer = spawn([&path] {
      auto db = open_journal(path, k_now);
      for (;;) {
        std::vector<Contact> batch(k_batch, call("C000127"));
        add_contacts(db, batch, k_now);
      }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms));
    kill(writer, SIGKILL);
    CHECK(wait_for(writer) == -SIGKILL);
    auto db = open_journal(path, k_now);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    const int rows = db.execAndGet("SELECT count(*) FROM contact").getInt();
    CHECK(rows % k_batch == 0);  // a batch is all there or not at all
    CHECK(db.execAndGet("SELECT count(*) FROM contact WHERE uid IS NULL").getInt() == 0);
  }
  auto db = open_journal(path, k_now);
  CHECK(db.execAndGet("SELECT count(*) FROM contact").getInt() > 0);  // the writer did get to write
}
