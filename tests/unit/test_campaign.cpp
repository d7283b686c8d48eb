// Letter drives end to end on the fixture mirror: the files, manifest and
// problems a run writes; the same bytes on every run; a run stopped half
// way finished without rewriting or duplicating; changed inputs noticed.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>

#include <sys/stat.h>

#include <fmt/format.h>

#include "core/campaign/campaign_file.hpp"
#include "core/campaign/run.hpp"
#include "core/campaign/run_basis.hpp"
#include "core/letters/bundles.hpp"
#include "core/letters/eml.hpp"
#include "core/letters/record.hpp"
#include "core/letters/write_run.hpp"
#include "core/cancel.hpp"
#include "core/error.hpp"
#include "core/journal/journal_db.hpp"
#include "core/letters/template.hpp"
#include "core/util/csv.hpp"
#include "core/util/files.hpp"
#include "core/util/sha256.hpp"
#include "core/util/text.hpp"
#include "support/test_env.hpp"

using namespace civic;
using namespace civic::test;
namespace fs = std::filesystem;

namespace {

// The fixture campaign copied into `dir`, since a run writes beside it.
fs::path copy_campaign(const fs::path& dir) {
  fs::create_directories(dir);
  for (const auto* name : {"campaign.toml", "supporters.csv"}) {
    fs::copy_file(fixtures_dir() / "campaign" / name, dir / name);
  }
  return dir / "campaign.toml";
}

// The campaign.toml in `dir` with each `from` (its first occurrence)
// replaced by `to`, saved beside it as `name`.
fs::path campaign_variant(const fs::path& dir, const std::string& name,
                          const std::vector<std::pair<std::string, std::string>>& edits) {
  auto text = read_file(dir / "campaign.toml");
  for (const auto& [from, to] : edits) {
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "not in campaign.toml: ", from);
    text.replace(at, from.size(), to);
  }
  write_file_atomic(dir / name, text);
  return dir / name;
}

// Every file under `dir`, by relative path.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      files[fs::relative(entry.path(), dir).string()] = read_file(entry.path());
    }
  }
  return files;
}

long journal_count(World& world) {
  const auto out = run_cli(world, {"journal", "stats", "--format", "csv"}).out;
  const auto table = csv::Table::parse(out, "stats");
  for (const auto& row : table.rows()) {
    if (csv::Table::field(row, 0) == "total") {
      return std::stol(csv::Table::field(row, 3));
    }
  }
  return 0;
}

}  // namespace

TEST_CASE("a run writes every letter, a manifest that matches the files, and the rows it left out") {
  World world;
  load_mini_mirror(world);
  const auto file = copy_campaign(world.dir / "drive");
  const auto result = run_cli(world, {"campaign", "run", file.string(), "--offline"});
  CHECK(result.code == 3);  // some rows failed
  CHECK(result.out.find("5 supporter(s), 8 letter(s) to 3 official(s) at 3 office(s), 1 vacant seat(s) skipped, 4 problem(s)") !=
        std::string::npos);
  const auto out = world.dir / "drive" / "out";
  const auto manifest = csv::Table::parse(read_file(out / "manifest.csv"), "manifest.csv");
  REQUIRE(manifest.rows().size() == 16);  // 8 letters in txt and html
  for (const auto& row : manifest.rows()) {
    const auto path = out / csv::Table::field(row, 7);
    REQUIRE(fs::exists(path));
    CHECK(sha256_hex(read_file(path)) == csv::Table::field(row, 8));
  }
  CHECK(read_file(out / "s1/hr1144-119-support-letter-carol-placeholder-c000003.txt")
            .find("My cousin was trafficked at sixteen.") != std::string::npos);
  const auto problems = read_file(out / "problems.csv");
  CHECK(problems ==
        "row,supporter_id,column,reason\n"
        "4,s3,address,ZIP 98002 spans 2 congressional districts; give the supporter's address or coordinates\n"
        "5,s4,full_name,no name\n"
        "6,s5,lat,\"lat,lon '91,0' is not a point in degrees\"\n"
        "7,s1,id,the id 's1' is used by an earlier row\n");
  CHECK(journal_count(world) == 8);
}

TEST_CASE("a web-form message over the limit is a problem of its row; the other letters are written and recorded") {
  World world;
  load_mini_mirror(world);
  const auto dir = world.dir / "drive";
  copy_campaign(dir);
  auto supporters = read_file(dir / "supporters.csv");
  const std::string story = "My cousin was trafficked at sixteen.";
  supporters.replace(supporters.find(story), story.size(), std::string(600, 'x'));
  write_file_atomic(dir / "supporters.csv", supporters);
  const auto file = campaign_variant(dir, "form.toml",
                                     {{"channel = \"letter\"", "channel = \"form\""},
                                      {"formats = [\"txt\", \"html\"]", "formats = [\"txt\"]"}});
  const auto result = run_cli(world, {"campaign", "run", file.string(), "--offline"});
  CHECK(result.code == 3);
  CHECK(result.out.find("5 supporter(s), 5 letter(s)") != std::string::npos);
  const auto out = dir / "out";
  // s1's three messages are too long; those of s2 and s6 are written.
  const auto manifest = csv::Table::parse(read_file(out / "manifest.csv"), "manifest.csv");
  CHECK(manifest.rows().size() == 5);
  for (const auto& row : manifest.rows()) {
    CHECK(csv::Table::field(row, 1) != "s1");
  }
  CHECK_FALSE(fs::exists(out / "s1"));
  const auto problems = read_file(out / "problems.csv");
  CHECK(std::count(problems.begin(), problems.end(), '\n') == 1 + 3 + 4);
  CHECK(problems.find("2,s1,story,\"the web-form message to Carol Placeholder is 769 characters, 269 over the limit") !=
        std::string::npos);
  CHECK(journal_count(world) == 5);
}

TEST_CASE("a letter file that cannot be written stops the run with its path, and the next run completes it") {
  World world;
  load_mini_mirror(world);
  const auto file = copy_campaign(world.dir / "drive");
  const auto out = world.dir / "drive" / "out";
  write_text(out / "s2", "a file where s2's folder goes");
  const auto failed = run_cli(world, {"campaign", "run", file.string(), "--offline"});
  CHECK(failed.code != 0);
  CHECK(failed.code != 3);
  CHECK(failed.err.find("cannot write " + (out / "s2").string()) != std::string::npos);
  CHECK_FALSE(fs::exists(out / "manifest.csv"));
  fs::remove(out / "s2");
  CHECK(run_cli(world, {"campaign", "run", file.string(), "--offline"}).code == 3);
  CHECK(csv::Table::parse(read_file(out / "manifest.csv"), "manifest.csv").rows().size() == 16);
}

TEST_CASE("the same campaign, supporters and data give the same bytes, and a rerun rewrites nothing") {
  World world;
  load_mini_mirror(world);
  const auto first = copy_campaign(world.dir / "a");
  const auto second = copy_campaign(world.dir / "b");
  const auto same_day = copy_campaign(world.dir / "c");
  REQUIRE(run_cli(world, {"campaign", "run", first.string(), "--offline"}).code == 3);
  const auto before = snapshot(world.dir / "a" / "out");
  auto again = run_cli(world, {"campaign", "run", first.string(), "--offline"});
  CHECK(again.out.find("0 file(s) written, 16 unchanged") != std::string::npos);
  CHECK(snapshot(world.dir / "a" / "out") == before);
  CHECK(journal_count(world) == 8);  // no contact twice
  // Another folder, the same day: every byte the same, PDFs and manifest included.
  REQUIRE(run_cli(world, {"campaign", "run", same_day.string(), "--offline"}).code == 3);
  CHECK(snapshot(world.dir / "c" / "out") == before);
  world.clock.set(*parse_utc_timestamp("2026-12-03T12:00:00Z"));  // another day: dated differently
  REQUIRE(run_cli(world, {"campaign", "run", second.string(), "--offline"}).code == 3);
  auto other = snapshot(world.dir / "b" / "out");
  CHECK(other.size() == before.size());
  // A fresh folder's letters are dated by its own first run; all else is equal.
  CHECK(other.at("run.json") != before.at("run.json"));
}

TEST_CASE("a run stopped half way finishes the rest without rewriting finished letters") {
  World world;
  load_mini_mirror(world);
  const auto file = copy_campaign(world.dir / "drive");
  const auto out = world.dir / "drive" / "out";
  REQUIRE(run_cli(world, {"campaign", "run", file.string(), "--offline"}).code == 3);
  const auto complete = snapshot(out);
  // Take away half the letters and the manifest, as an interrupted run leaves them.
  std::size_t removed = 0;
  for (const auto& [path, bytes] : complete) {
    if (path.find(".html") != std::string::npos) {
      fs::remove(out / path);
      ++removed;
    }
  }
  fs::remove(out / "manifest.csv");
  const auto mtime = fs::last_write_time(out / "s1/hr1144-119-support-letter-carol-placeholder-c000003.txt");
  auto resumed = run_cli(world, {"campaign", "run", file.string(), "--offline"});
  CHECK(resumed.out.find(std::to_string(removed) + " file(s) written") != std::string::npos);
  CHECK(snapshot(out) == complete);
  CHECK(fs::last_write_time(out / "s1/hr1144-119-support-letter-carol-placeholder-c000003.txt") == mtime);
  CHECK(journal_count(world) == 8);
}

TEST_CASE("an interruption between files stops the run with exit 130 semantics, and the next run completes it") {
  World world;
  load_mini_mirror(world);
  const auto file = copy_campaign(world.dir / "drive");
  REQUIRE(run_cli(world, {"campaign", "run", file.string(), "--offline"}).code == 3);
  const auto out = world.dir / "drive" / "out";
  const auto complete = snapshot(out);
  fs::remove_all(out);
  // Letters written with a token cancelled after the third.
  std::vector<letters::RenderedLetter> letters(6);
  for (std::size_t i = 0; i < letters.size(); ++i) {
    const auto name = "s/" + std::to_string(i) + ".txt";
    letters[i].meta.target = std::make_shared<letters::LetterTarget>();
    letters[i].files.push_back({LetterFormat::txt, name, "letter " + std::to_string(i), ""});
  }
  CancelToken cancel;
  {
    letters::RunWriter writer(out, {}, campaign::run_json({}));
    std::vector<letters::RenderedLetter> first(letters.begin(), letters.begin() + 3);
    std::vector<letters::RenderedLetter> rest(letters.begin() + 3, letters.end());
    writer.add(first, cancel);
    cancel.cancel();
    try {
      writer.add(rest, cancel);
      FAIL("expected the run to stop");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::interrupted);
    }
  }
  CHECK(fs::exists(out / "s/2.txt"));
  CHECK_FALSE(fs::exists(out / "s/3.txt"));
  CHECK_FALSE(fs::exists(out / "manifest.csv"));
  fs::remove_all(out);
  REQUIRE(run_cli(world, {"campaign", "run", file.string(), "--offline"}).code == 3);
  CHECK(snapshot(out) == complete);
}

TEST_CASE("a changed template is noticed; --force regenerates, dated today") {
  World world;
  load_mini_mirror(world);
  const auto file = copy_campaign(world.dir / "drive");
  REQUIRE(run_cli(world, {"campaign", "run", file.string(), "--offline"}).code == 3);
  campaign_variant(file.parent_path(), "campaign.toml",
                   {{"output = \"out\"", "output = \"out\"\ntemplate = \"t.mustache\""}});
  write_text(world.dir / "drive" / "t.mustache",
             "{{recipient.salutation}}\n\nPlease support {{bill.number}}.\n\n{{sender.name}}\n");
  auto refused = run_cli(world, {"campaign", "run", file.string(), "--offline"});
  CHECK(refused.code == 2);
  CHECK(refused.err.find("the template (") != std::string::npos);
  auto renamed = read_file(file);
  renamed.replace(renamed.find("Fixture drive"), 13, "Other drive");
  write_file_atomic(world.dir / "drive" / "renamed.toml", renamed);
  CHECK(run_cli(world, {"campaign", "run", (world.dir / "drive" / "renamed.toml").string(), "--offline"})
            .err.find("the campaign's name ('Fixture drive' -> 'Other drive')") != std::string::npos);
  world.clock.set(*parse_utc_timestamp("2026-12-03T12:00:00Z"));
  auto forced = run_cli(world, {"campaign", "run", file.string(), "--offline", "--force"});
  CHECK(forced.code == 3);
  const auto letter =
      read_file(world.dir / "drive" / "out" / "s1/hr1144-119-support-letter-carol-placeholder-c000003.txt");
  CHECK(letter.find("Please support H.R. 1144.") != std::string::npos);
  CHECK(letter.find("December 3, 2026") != std::string::npos);
}

namespace {

// `count` letters from supporters s0, s1, ..., each to one of three officials.
std::vector<letters::RenderedLetter> letters_to_record(std::size_t count) {
  std::vector<letters::RenderedLetter> letters(count);
  for (std::size_t i = 0; i < count; ++i) {
    auto target = std::make_shared<letters::LetterTarget>();
    target->official.id = "A00000" + std::to_string(i % 3);
    target->official.name = "Official " + std::to_string(i % 3);
    target->official.title = "U.S. Representative";
    letters[i].meta = {i + 2, "s" + std::to_string(i / 3), target};
  }
  return letters;
}

letters::RunTag tag_of(const campaign::Campaign& c) { return {c.name, "hr1144-119", c.channel, c.stance}; }

long contacts_in(SQLite::Database& journal) { return journal.execAndGet("SELECT count(*) FROM contact").getInt(); }

}  // namespace

TEST_CASE("a run's letters are recorded as drafted contacts on the journal's thread, each once") {
  World world;
  auto journal = journal::open_journal(world.dir / "journal.db", "2026-11-28T12:00:00Z");
  auto c = campaign::load_campaign(copy_campaign(world.dir / "drive"));
  // Enough for several batches and a commit part way.
  using Recorder = letters::RunRecorder;
  const auto letters = letters_to_record(Recorder::k_rows_per_commit + 3 * Recorder::k_batch);
  const auto record = [&](std::size_t from, std::size_t to) {
    Recorder recorder(journal, tag_of(c), "2026-11-28T12:00:00Z");
    for (std::size_t i = from; i < to; i += 100) {
      const auto first = letters.begin() + static_cast<long>(i);
      recorder.add({first, letters.begin() + static_cast<long>(std::min(to, i + 100))});
    }
    recorder.flush();
    return recorder.added();
  };
  CHECK(record(0, 1000) == 1000);
  CHECK(contacts_in(journal) == 1000);
  CHECK(record(0, letters.size()) == static_cast<long>(letters.size()) - 1000);  // a rerun adds the rest only
  CHECK(contacts_in(journal) == static_cast<long>(letters.size()));
  const auto tagged = journal.execAndGet(
      "SELECT count(*) FROM contact WHERE campaign = '" + c.name +
      "' AND outcome = 'drafted' AND origin = 'campaign' AND notes = 'for supporter s7' AND bill = 'hr1144-119'");
  CHECK(tagged.getInt() == 3);
}

TEST_CASE("a journal that refuses the contacts stops the run with its error; nothing of it is half recorded") {
  World world;
  auto journal = journal::open_journal(world.dir / "journal.db", "2026-11-28T12:00:00Z");
  journal.exec("CREATE TEMP TRIGGER refuse BEFORE INSERT ON contact BEGIN SELECT RAISE(ABORT, 'refused'); END");
  auto c = campaign::load_campaign(copy_campaign(world.dir / "drive"));
  letters::RunRecorder recorder(journal, tag_of(c), "2026-11-28T12:00:00Z");
  const auto letters = letters_to_record(letters::RunRecorder::k_batch);
  const auto run = [&] {
    for (int i = 0; i < 20; ++i) {
      recorder.add(letters);
    }
    recorder.flush();
  };
  CHECK_THROWS_WITH(run(), doctest::Contains("refused"));
  CHECK_THROWS_WITH(recorder.flush(), doctest::Contains("refused"));
  CHECK(contacts_in(journal) == 0);
}

TEST_CASE("contacts handed to the journal and not committed are rolled back when the recorder goes away") {
  World world;
  auto journal = journal::open_journal(world.dir / "journal.db", "2026-11-28T12:00:00Z");
  auto c = campaign::load_campaign(copy_campaign(world.dir / "drive"));
  {
    letters::RunRecorder recorder(journal, tag_of(c), "2026-11-28T12:00:00Z");
    recorder.add(letters_to_record(2 * letters::RunRecorder::k_batch));
  }
  CHECK(contacts_in(journal) == 0);
  letters::RunRecorder recorder(journal, tag_of(c), "2026-11-28T12:00:00Z");
  recorder.add(letters_to_record(10));
  recorder.flush();
  CHECK(contacts_in(journal) == 10);
}

TEST_CASE("status totals a run; mark-sent records delivery in the journal") {
  World world;
  load_mini_mirror(world);
  const auto file = copy_campaign(world.dir / "drive");
  REQUIRE(run_cli(world, {"campaign", "run", file.string(), "--offline"}).code == 3);
  const auto dir = (world.dir / "drive" / "out").string();
  auto marked = run_cli(world, {"campaign", "mark-sent", dir, "--official", "A000001"});
  CHECK(marked.out == "marked 3 drafted contact(s) of 'Fixture drive' as sent (A000001)\n");
  auto status = run_cli(world, {"campaign", "status", dir, "--format", "csv"});
  CHECK(status.out.find("files,16\n") != std::string::npos);
  CHECK(status.out.find("supporters with letters,3\n") != std::string::npos);
  CHECK(status.out.find("problems,4\n") != std::string::npos);
  CHECK(status.out.find("contacts drafted,5\n") != std::string::npos);
  CHECK(status.out.find("contacts sent,3\n") != std::string::npos);
  fs::remove(world.dir / "drive" / "out" / "manifest.csv");  // as a killed run leaves it
  auto unfinished = run_cli(world, {"campaign", "status", dir});
  CHECK(unfinished.code == 1);
  CHECK(unfinished.err.find("did not finish") != std::string::npos);
}

TEST_CASE("campaign files are strict: keys, values and columns are named where they are wrong") {
  World world;
  const auto dir = world.dir / "c";
  copy_campaign(dir);
  auto write_campaign = [&](const std::string& from, const std::string& to) {
    return campaign_variant(dir, "x.toml", {{from, to}});
  };
  CHECK_THROWS_WITH_AS(campaign::load_campaign(write_campaign("stance = \"support\"", "stance = \"suport\"")),
                       doctest::Contains("x.toml:5:10: 'stance' is 'suport'; use support | oppose | thanks | "
                                         "follow-up; did you mean 'support'?"),
                       Error);
  // A field that is no known one is the template's own, which it must use.
  const auto shipped = letters::load_letter_template({}, Channel::letter, std::nullopt);
  CHECK_THROWS_WITH_AS(
      campaign::check_template_fields(
          campaign::load_campaign(write_campaign("email = \"email\"", "emal = \"email\"")), shipped),
      doctest::Contains("maps 'emal', which is no supporter field and which the template"), Error);
  CHECK_THROWS_WITH_AS(
      campaign::check_template_fields(
          campaign::load_campaign(write_campaign("email = \"email\"", "emal = \"email\"")), shipped),
      doctest::Contains("does not use as {{supporter.emal}}"),
      Error);
  CHECK_THROWS_WITH_AS(campaign::load_campaign(write_campaign("email = \"email\"", "E-mail = \"email\"")),
                       doctest::Contains("'E-mail' is no field name"), Error);
  CHECK_THROWS_WITH_AS(
      campaign::load_campaign(write_campaign("targets = [\"federal\"]", "targets = [\"federal\", \"A000001\"]")),
      doctest::Contains("mixes levels and official ids"), Error);
  const auto c = campaign::load_campaign(dir / "campaign.toml");
  CHECK(c.level == reps::Level::federal);
  CHECK(c.output == dir / "out");
  CHECK(c.supporters == dir / "supporters.csv");
  CHECK(c.formats == std::vector<LetterFormat>{LetterFormat::txt, LetterFormat::html});
  CHECK(c.columns.at("name") == "full_name");
}

TEST_CASE("after a data update, diff names the supporters whose letters would go to someone else") {
  World world;
  load_mini_mirror(world);
  const auto file = copy_campaign(world.dir / "drive");
  REQUIRE(run_cli(world, {"campaign", "run", file.string(), "--offline"}).code == 3);
  // Redistricting: the representative of WA-1 now sits for WA-2, and WA-1 is vacant.
  const auto mirror = world.dir / "mirror";
  fs::copy(mini_mirror(), mirror, fs::copy_options::recursive);
  const auto yaml = mirror / "congress-legislators" / "legislators-current.yaml";
  auto text = read_file(yaml);
  const std::string carol = "    district: 1\n    party: Democrat\n    url: https://placeholder.house.gov";
  REQUIRE(text.find(carol) != std::string::npos);
  text.replace(text.find(carol), 15, "    district: 2");
  write_file_atomic(yaml, text);
  REQUIRE(run_cli(world, {"data", "update", "--from", mirror.string()}).code == 0);

  auto diff = run_cli(world, {"campaign", "diff", file.string(), "--offline", "--format", "csv"});
  CHECK(diff.code == 0);
  CHECK(diff.out ==
        "row,supporter_id,before,now\n"
        "2,s1,A000001;B000002;C000003,A000001;B000002\n"
        "3,s2,A000001;B000002,A000001;B000002;C000003\n"
        "8,s6,A000001;B000002;C000003,A000001;B000002\n");
  CHECK(diff.err.find("the reference data changed since the last run") != std::string::npos);
  CHECK(diff.err.find("3 of 5 supporter(s) would now write to other officials") != std::string::npos);
  auto refused = run_cli(world, {"campaign", "run", file.string(), "--offline"});
  CHECK(refused.code == 2);
  CHECK(refused.err.find("the reference data") != std::string::npos);
}

namespace {

// Enough of RFC 2045 to read back what quoted_printable wrote.
std::string decode_qp(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "=\r\n") == 0) {
      i += 2;
    } else if (text[i] == '=') {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else if (text.compare(i, 2, "\r\n") == 0) {
      out += '\n';
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

TEST_CASE("quoted-printable keeps lines short and reads back exactly") {
  const std::string text = "Zoë wrote: " + std::string(120, 'x') + " = done \nsecond line\t\nthird";
  const auto encoded = letters::quoted_printable(text);
  for (const auto& line : text::split(encoded, '\n')) {
    CHECK(line.size() <= 77);  // 76 and the CR
  }
  CHECK(encoded.find("Zo=C3=AB") != std::string::npos);
  CHECK(encoded.find("done=20\r\n") != std::string::npos);  // a space before a line end is encoded
  CHECK(decode_qp(encoded) == text);
}

TEST_CASE("emails as .eml files, one bundle per office and mailing labels") {
  World world;
  load_mini_mirror(world);
  const auto dir = world.dir / "drive";
  copy_campaign(dir);
  campaign_variant(dir, "email.toml",
                   {{"channel = \"letter\"", "channel = \"email\""},
                    {"formats = [\"txt\", \"html\"]", "formats = [\"eml\", \"txt\"]\nbundle = \"office\""}});
  auto supporters = read_file(dir / "supporters.csv");
  supporters.replace(supporters.find("Pat Doe,"), 8, "Zoë Doe,");
  write_file_atomic(dir / "supporters.csv", supporters);
  REQUIRE(run_cli(world, {"campaign", "run", (dir / "email.toml").string(), "--offline"}).code == 3);
  const auto out = dir / "out";
  const auto eml = read_file(out / "s1/hr1144-119-support-email-carol-placeholder-c000003.eml");
  CHECK(eml.rfind("Date: Sat, 28 Nov 2026 12:00:00 +0000\r\n", 0) == 0);
  CHECK(eml.find("From: =?UTF-8?Q?Zo=C3=AB_Doe?= <pat@example.org>\r\n") != std::string::npos);
  CHECK(eml.find("\r\nSubject: ") != std::string::npos);
  CHECK(eml.find("\r\nContent-Type: text/plain; charset=UTF-8\r\n") != std::string::npos);
  CHECK(eml.find("\r\nMessage-ID: <") != std::string::npos);
  for (std::size_t at = eml.find('\n'); at != std::string::npos; at = eml.find('\n', at + 1)) {
    REQUIRE(eml[at - 1] == '\r');  // CRLF only
  }
  const auto body = eml.substr(eml.find("\r\n\r\n") + 4);
  CHECK(decode_qp(body).find("My cousin was trafficked at sixteen.") != std::string::npos);

  // The representative has two letters: s1 and s6 write to her district office.
  const auto bundle = read_file(out / "bundles/carol-placeholder-c000003-district.txt");
  CHECK(std::count(bundle.begin(), bundle.end(), '\f') == 1);
  CHECK(bundle.find("Zoë Doe") < bundle.find("Ann Zip"));  // supporters in file order
  CHECK(fs::exists(out / "bundles/alice-example-a000001-capitol.txt"));
  CHECK_FALSE(fs::exists(out / "labels.csv"));  // labels are for postal letters
  const auto manifest = csv::Table::parse(read_file(out / "manifest.csv"), "manifest.csv");
  CHECK(manifest.rows().size() == 16);  // letters only: bundles repeat them
}

TEST_CASE("postal letters bundled per office come with mailing labels and one PDF per office") {
  World world;
  load_mini_mirror(world);
  const auto dir = world.dir / "drive";
  copy_campaign(dir);
  campaign_variant(dir, "print.toml", {{"formats = [\"txt\", \"html\"]", "formats = [\"pdf\"]\nbundle = \"office\""}});
  REQUIRE(run_cli(world, {"campaign", "run", (dir / "print.toml").string(), "--offline"}).code == 3);
  const auto out = dir / "out";
  CHECK(read_file(out / "bundles/carol-placeholder-c000003-district.pdf").rfind("%PDF-", 0) == 0);
  CHECK(read_file(out / "labels.csv") ==
        "official_id,bundle,line1,line2,line3,line4,letters\n"
        "A000001,bundles/alice-example-a000001-capitol,The Honorable Alice Example,United States Senate,100 Hart "
        "Senate Office Building,\"Washington, DC 20510\",3\n"
        "B000002,bundles/bob-sample-b000002-capitol,The Honorable Bob Sample,United States Senate,200 Russell "
        "Senate Office Building,\"Washington, DC 20510\",3\n"
        "C000003,bundles/carol-placeholder-c000003-district,The Honorable Carol Placeholder,United States House of "
        "Representatives,\"500 Pine St., Suite 5\",\"Seattle, WA 98101\",2\n");
}

TEST_CASE("three hundred generated supporters and every kind of bad row, end to end") {
  World world;
  load_mini_mirror(world);
  const auto dir = world.dir / "big";
  fs::create_directories(dir);
  std::string csv = "id,full_name,lat,lon,address,story\n";
  for (int i = 0; i < 300; ++i) {
    // 200 in WA-1 (three officials), 100 in WA-2 (its House seat is vacant: two).
    const double lat = 47.05 + 0.003 * (i % 290);
    const double lon = i < 200 ? -122.95 + 0.004 * (i % 200) : -121.95 + 0.008 * (i - 200);
    csv += fmt::format("p{:03},Supporter {},{:.4f},{:.4f},\"{} Elm St, Kent, WA 98030\",\n", i, i, lat, lon, i);
  }
  csv += "p000,Second Row With The Same Id,47.5,-122.5,\"1 Elm St, Kent, WA 98030\",\n";  // a duplicate id
  csv += "bad1,Jos\xe9 Latin1,47.5,-122.5,\"1 Elm St, Kent, WA 98030\",\n";               // not UTF-8
  csv += "bad2,Missing Fields,47.5\n";                                                    // too few fields
  csv += "bad3,Doe, Jane,47.5,-122.5,\"1 Elm St, Kent, WA 98030\",\n";                    // an unquoted comma
  csv += "bad4,Long Story,47.5,-122.5,\"1 Elm St, Kent, WA 98030\",\"" + std::string(10 * 1024 * 1024, 'x') +
         "\"\n";  // a 10 MB field
  write_text(dir / "supporters.csv", csv);
  write_text(dir / "campaign.toml",
             "[campaign]\nname = \"Big drive\"\nbill = \"hr1144\"\nstance = \"support\"\n\n[supporters]\nfile = "
             "\"supporters.csv\"\n\n[supporters.columns]\nname = \"full_name\"\nlat = \"lat\"\nlon = \"lon\"\naddress "
             "= \"address\"\nstory = \"story\"\n");
  const auto result =
      run_cli(world, {"campaign", "run", (dir / "campaign.toml").string(), "--offline", "--jobs", "3"});
  CHECK_MESSAGE(result.code == 3, result.err);
  CHECK(result.out.find("300 supporter(s), 800 letter(s) to 3 official(s) at 3 office(s), 100 vacant seat(s) skipped, 5 problem(s)") !=
        std::string::npos);
  const auto problems = read_file(dir / "out" / "problems.csv");
  CHECK(problems.find("302,p000,id,the id 'p000' is used by an earlier row\n") != std::string::npos);
  CHECK(problems.find("303,bad1,full_name,is not UTF-8 text; save the file as UTF-8\n") != std::string::npos);
  CHECK(problems.find("304,bad2,,has 3 fields where the header has 6") != std::string::npos);
  CHECK(problems.find("305,bad3,,has 7 fields where the header has 6") != std::string::npos);
  CHECK(problems.find("306,bad4,story,\"10485760 bytes, more than the 10000 a story can have\"\n") !=
        std::string::npos);
  const auto manifest = csv::Table::parse(read_file(dir / "out" / "manifest.csv"), "manifest.csv");
  CHECK(manifest.rows().size() == 800);
  CHECK(journal_count(world) == 800);
  // Rendered on one thread instead of three, in another folder: the same bytes.
  campaign_variant(dir, "one.toml", {{"[supporters]", "output = \"one\"\n\n[supporters]"}});
  REQUIRE(run_cli(world, {"campaign", "run", (dir / "one.toml").string(), "--offline", "--jobs", "1"}).code == 3);
  CHECK(snapshot(dir / "one") == snapshot(dir / "out"));
}

TEST_CASE("office bundles come out the same whether their text stayed in memory or was spilled to disk") {
  World world;
  auto bundles = [&](std::size_t budget) {
    const auto folder = world.dir / ("spool-" + std::to_string(budget));
    fs::create_directories(folder);
    std::map<std::string, std::string> written;
    {
      letters::BundleSpool spool(folder, {LetterFormat::txt}, letters::BundleSpool::Labels::yes, budget);
      for (int i = 0; i < 50; ++i) {
        letters::RenderedLetter letter;
        auto target = std::make_shared<letters::LetterTarget>();
        target->official.id = i % 3 == 0 ? "A000001" : "B000002";
        target->bundle = "bundles/" + target->official.id;
        letter.meta.target = target;
        letter.doc.recipient_lines = {"The Honorable " + target->official.id};
        spool.add(letter, "letter " + std::to_string(i) + "\n" + std::string(static_cast<std::size_t>(i), 'x'));
      }
      std::mutex mutex;  // text bundles are written from several threads
      const auto write = [&](const std::string& path, const std::string& bytes) {
        std::lock_guard lock(mutex);
        written[path] = bytes;
      };
      spool.finish({write,
                    [&](const std::string& path, const fs::path& finished) {
                      write(path, read_file(finished));
                      fs::remove(finished);
                    }},
                   "", "");
    }
    CHECK(fs::is_empty(folder));  // no spool file left behind
    return written;
  };
  const auto held = bundles(letters::BundleSpool::k_text_budget);
  const auto spilled = bundles(100);  // spills every few letters
  CHECK(held == spilled);
  REQUIRE(held.count("bundles/A000001.txt") == 1);
  const auto& a = held.at("bundles/A000001.txt");
  CHECK(std::count(a.begin(), a.end(), '\f') == 16);  // 17 letters, separated by form feeds
  CHECK(a.rfind("letter 0\n\f\nletter 3\nxxx\f\nletter 6", 0) == 0);
  CHECK(held.at("labels.csv").find("A000001,bundles/A000001,The Honorable A000001,,,,17") != std::string::npos);
}

TEST_CASE("office bundle text that cannot be spilled stops the run with the spool file's path") {
  World world;
  const auto folder = world.dir / "spool";
  fs::create_directories(folder);
  letters::BundleSpool spool(folder, {LetterFormat::txt}, letters::BundleSpool::Labels::no, 100);
  const auto add = [&](int i) {
    letters::RenderedLetter letter;
    auto target = std::make_shared<letters::LetterTarget>();
    target->official.id = "X000001";
    target->bundle = "bundles/X000001";
    letter.meta.target = target;
    spool.add(letter, "letter " + std::to_string(i) + std::string(60, 'x'));
  };
  fs::remove_all(folder);  // the output folder went away mid-run
  const auto stop = [&] {
    for (int i = 0; i < 10; ++i) {
      add(i);
    }
  };
  const auto message = "cannot spool the office bundles to " + (folder / "bundle-1.spool").string();
  CHECK_THROWS_WITH_AS(stop(), doctest::Contains(message.c_str()), Error);
}

TEST_CASE("spilled office bundles are moved into place; a rerun keeps each whose bytes are the same") {
  World world;
  auto c = campaign::load_campaign(copy_campaign(world.dir / "drive"));
  c.formats = {LetterFormat::txt};
  c.bundle = campaign::Bundle::office;
  const auto out = world.dir / "drive" / "out";
  const auto letters = [](const std::string& seventh) {
    std::vector<letters::RenderedLetter> made(30);
    for (std::size_t i = 0; i < made.size(); ++i) {
      auto target = std::make_shared<letters::LetterTarget>();
      target->official.id = "A00000" + std::to_string(i % 3);
      target->bundle = "bundles/" + target->official.id;
      made[i].meta.target = target;
      const auto text = "letter " + std::to_string(i) + (i == 7 ? seventh : "") + "\n" + std::string(40, 'x');
      made[i].files.push_back({LetterFormat::txt, "s/" + std::to_string(i) + ".txt", text, ""});
    }
    return made;
  };
  const auto run = [&](std::vector<letters::RenderedLetter> made) {
    CancelToken cancel;
    letters::RunWriter writer(out, {true, {LetterFormat::txt}, true}, campaign::run_json({}), 100);  // spills every other letter
    writer.add(made, cancel);
    return writer.finish({}, "", "");
  };
  const auto inode = [&](const std::string& name) {
    struct stat info {};
    REQUIRE(::stat((out / name).c_str(), &info) == 0);
    return info.st_ino;
  };
  const auto first = run(letters(""));
  CHECK(first.written == 34);  // 30 letters, 3 bundles, labels.csv
  const auto bundle = read_file(out / "bundles/A000001.txt");
  CHECK(bundle.rfind("letter 1\n" + std::string(40, 'x') + "\f\nletter 4\n", 0) == 0);
  CHECK(std::count(bundle.begin(), bundle.end(), '\f') == 9);
  CHECK_FALSE(fs::exists(out / ".civic-partial"));
  const auto kept = inode("bundles/A000000.txt");
  const auto again = run(letters(""));
  CHECK(again.written == 0);
  CHECK(again.unchanged == 34);
  CHECK(read_file(out / "bundles/A000001.txt") == bundle);
  const auto changed = run(letters(" changed"));
  CHECK(changed.written == 2);  // the seventh letter and its office's bundle
  CHECK(read_file(out / "bundles/A000001.txt").find("letter 7 changed\n") != std::string::npos);
  CHECK(inode("bundles/A000000.txt") == kept);
  CHECK_FALSE(fs::exists(out / ".civic-partial"));
}

TEST_CASE("an office bundle that cannot be written stops the finish with its error, the first office's in order") {
  World world;
  const auto folder = world.dir / "spool";
  fs::create_directories(folder);
  letters::BundleSpool spool(folder, {LetterFormat::txt}, letters::BundleSpool::Labels::no, 100);
  for (int i = 0; i < 40; ++i) {
    letters::RenderedLetter letter;
    auto target = std::make_shared<letters::LetterTarget>();
    target->official.id = "X00000" + std::to_string(i % 8);
    target->bundle = "bundles/" + target->official.id;
    letter.meta.target = target;
    spool.add(letter, "letter " + std::to_string(i));
  }
  std::atomic<int> calls{0};
  const auto write = [&](const std::string& path) {
    ++calls;
    if (path == "bundles/X000003.txt" || path == "bundles/X000006.txt") {
      throw Error("cannot write " + path);
    }
  };
  const letters::BundleSpool::Output out{[&](const std::string& path, const std::string&) { write(path); },
                                          [&](const std::string& path, const fs::path&) { write(path); }};
  CHECK_THROWS_WITH_AS(spool.finish(out, "", ""), "cannot write bundles/X000003.txt", Error);
  CHECK(calls == 8);  // the other offices were still written
}

TEST_CASE("only the office bundles, when letter_files is false; each letter listed with its bundle") {
  World world;
  load_mini_mirror(world);
  const auto dir = world.dir / "drive";
  copy_campaign(dir);
  const auto only_bundles = [&](const std::string& bundle, const std::string& name) {
    return campaign_variant(
        dir, name,
        {{"formats = [\"txt\", \"html\"]", "formats = [\"txt\"]\nbundle = \"" + bundle + "\"\nletter_files = false"}});
  };
  only_bundles("office", "bundles.toml");
  REQUIRE(run_cli(world, {"campaign", "run", (dir / "bundles.toml").string(), "--offline"}).code == 3);
  const auto out = dir / "out";
  CHECK_FALSE(fs::exists(out / "s1"));
  const auto files = snapshot(out);
  CHECK(files.count("labels.csv") == 1);
  const auto manifest = csv::Table::parse(files.at("manifest.csv"), "manifest.csv");
  REQUIRE(manifest.rows().size() == 8);  // one row per letter
  for (const auto& row : manifest.rows()) {
    // Each letter's text is in its bundle, whose path the row names.
    const auto& bundle = files.at(csv::Table::field(row, 7));
    bool found = false;
    for (const auto& letter : text::split(bundle, '\f')) {
      const auto text = letter.rfind('\n', 0) == 0 ? letter.substr(1) : letter;
      found = found || sha256_hex(text) == csv::Table::field(row, 8);
    }
    CHECK_MESSAGE(found, csv::Table::field(row, 7));
  }
  CHECK_THROWS_WITH_AS(campaign::load_campaign(only_bundles("none", "nothing.toml")),
                       doctest::Contains("needs bundle = \"office\""), Error);
}

TEST_CASE("a column the campaign maps to a field of its own is printed by the template") {
  World world;
  load_mini_mirror(world);
  const auto dir = world.dir / "drive";
  copy_campaign(dir);
  std::string csv_text;
  for (const auto& line : text::split(read_file(dir / "supporters.csv"), '\n')) {
    const auto extra = line.rfind("id,", 0) == 0 ? "chapter" : line.rfind("s1,Pat Doe,", 0) == 0 ? "Kent Chapter" : "";
    csv_text += line.empty() ? "" : line + "," + extra + "\n";
  }
  write_file_atomic(dir / "supporters.csv", csv_text);
  write_file_atomic(dir / "mine.mustache",
                    "{{recipient.salutation}}\n\nI write for {{#supporter.chapter}}the {{supporter.chapter}} of "
                    "{{/supporter.chapter}}our group.\n\n{{sender.name}}\n");
  const std::pair<std::string, std::string> use_template{"output = \"out\"",
                                                         "output = \"out\"\ntemplate = \"mine.mustache\""};
  campaign_variant(dir, "mine.toml", {use_template});
  // Not mapped yet: the template's field is named.
  auto refused = run_cli(world, {"campaign", "run", (dir / "mine.toml").string(), "--offline"});
  CHECK(refused.code == 2);
  CHECK(refused.err.find("uses {{supporter.chapter}}, and [supporters.columns] maps no column to 'chapter'") !=
        std::string::npos);
  campaign_variant(dir, "mine.toml", {use_template, {"story = \"story\"", "story = \"story\"\nchapter = \"chapter\""}});
  REQUIRE(run_cli(world, {"campaign", "run", (dir / "mine.toml").string(), "--offline"}).code == 3);
  CHECK(read_file(dir / "out/s1/hr1144-119-support-letter-carol-placeholder-c000003.txt")
            .find("I write for the Kent Chapter of our group.") != std::string::npos);
  CHECK(read_file(dir / "out/s6/hr1144-119-support-letter-carol-placeholder-c000003.txt")
            .find("I write for our group.") != std::string::npos);
  // A plain letter has no supporters to fill it from.
  auto letter = run_cli(world, {"letter", "--bill", "hr1144", "--stance", "support", "--latlon", "47.5,-122.5",
                                "--template", (dir / "mine.mustache").string(), "--sender-name", "A",
                                "--sender-address", "1 Elm St, Kent, WA 98030"});
  CHECK(letter.code == 2);
  CHECK(letter.err.find("which a campaign fills from its supporters CSV") != std::string::npos);
}

TEST_CASE("a bundle is named by its official and office kind; the city tells offices of one kind apart") {
  reps::Official carol;
  carol.id = "C000003";
  carol.name = "Carol Placeholder";
  for (const auto& [kind, city] : std::vector<std::pair<std::string, std::string>>{
           {"capitol", "Washington"}, {"district", "Seattle"}, {"district", "Kent"}, {"district", "Kent"}}) {
    reps::Office office;
    office.kind = kind;
    office.city = city;
    carol.offices.push_back(office);
  }
  const auto& offices = carol.offices;
  CHECK(letters::bundle_stem(carol, &offices[0], "capitol") == "bundles/carol-placeholder-c000003-capitol");
  CHECK(letters::bundle_stem(carol, &offices[1], "district") ==
        "bundles/carol-placeholder-c000003-district-seattle");
  CHECK(letters::bundle_stem(carol, &offices[2], "district") ==
        "bundles/carol-placeholder-c000003-district-kent-1");
  CHECK(letters::bundle_stem(carol, &offices[3], "district") ==
        "bundles/carol-placeholder-c000003-district-kent-2");
  CHECK(letters::bundle_stem(carol, nullptr, "district") == "bundles/carol-placeholder-c000003-district");
}

TEST_CASE("supporter ids that would share a folder, and fields with control characters, are problems, never overwrites") {
  World world;
  const auto file = copy_campaign(world.dir / "drive");
  const auto c = campaign::load_campaign(file);
  const std::string csv_text =
      "id,full_name,lat,lon,zip,address,email,story\n"
      "pat.doe@example.org,Pat Doe,47.5,-122.5,,,,\n"
      "pat_doe@example.org,Pat Other,47.5,-122.5,,,,\n"
      "A1,Ann,47.5,-122.5,,,,\n"
      "a1,Al,47.5,-122.5,,,,\n"
      "###,Hash,47.5,-122.5,,,,\n" +
      std::string("n1,Nul") + '\0' + "Name,47.5,-122.5,,,,\n" + "n2,Lee,47.5,-122.5,,,,\"line one\nline two\"\n";
  const auto list = campaign::read_supporters(c, csv_text);
  std::vector<std::string> kept;
  for (const auto& s : list.supporters) {
    kept.push_back(s.id);
  }
  CHECK(kept == std::vector<std::string>{"pat.doe@example.org", "A1", "n2"});  // a story may span lines
  REQUIRE(list.problems.size() == 4);
  CHECK(list.problems[0].message ==
        "the id 'pat_doe@example.org' would share the folder 'pat-doe-example-org' with 'pat.doe@example.org' (line 2); "
        "make the ids differ in more than case, accents or punctuation");
  CHECK(list.problems[1].message.rfind("the id 'a1' would share the folder 'a1' with 'A1' (line 4)", 0) == 0);
  CHECK(list.problems[2].message == "the id '###' makes no folder name: give it letters or digits");
  CHECK(list.problems[3].column == "full_name");
  CHECK(list.problems[3].message == "holds the control character 0x00 at byte 4; remove it");
}
