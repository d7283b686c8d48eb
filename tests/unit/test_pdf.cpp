// Letters as PDF: read back with poppler's pdftotext and pdfinfo.
#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <memory>

#include "core/bills/catalog.hpp"
#include "core/letters/document.hpp"
#include "core/modules/print.hpp"
#include "core/letters/recipient.hpp"
#include "core/util/files.hpp"
#include "support/test_env.hpp"

using namespace civic;
using namespace civic::letters;

namespace {

std::string run(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  REQUIRE(pipe != nullptr);
  std::string out;
  std::array<char, 4096> buffer{};
  while (const auto n = fread(buffer.data(), 1, buffer.size(), pipe.get())) {
    out.append(buffer.data(), n);
  }
  return out;
}

LetterDocument letter_to(const std::string& name, const std::string& family, const std::string& story) {
  static const auto catalog = bills::load_catalog({});
  static const auto tmpl = LetterTemplate::compile(*templates::find_file({}, "letters/letter.mustache"));
  reps::Official official;
  official.id = "X000001";
  official.name = name;
  official.family_name = family;
  reps::Role role;
  role.state = "WA";
  role.chamber = reps::Chamber::senate;
  role.level = reps::Level::federal;
  role.title = "Senator";
  reps::Office office;
  office.kind = "district";
  office.street = "915 Second Ave., Suite 3206";
  office.city = "Seattle";
  office.state = "WA";
  office.zip = "98174";
  office.address = "915 Second Ave., Suite 3206, Seattle, WA 98174";
  LetterInput in;
  in.bill = &catalog.require("hr1144", 119);
  in.recipient = make_recipient(official, role, &office);
  in.sender = {"Pat Doe", {"12 Elm St", "Kent, WA 98030"}, "", ""};
  in.story = story;
  in.date = *parse_date("2026-11-28");
  return compose(tmpl, in);
}

}  // namespace

TEST_CASE("letters print as US Letter pages with the recipient in the envelope window") {
  test::World world;  // finds the modules
  std::string long_story;
  for (int i = 0; i < 40; ++i) {
    long_story += "This sentence makes the letter long enough to need a second page. ";
  }
  const std::vector<LetterDocument> docs = {letter_to("Ann Lee", "Lee", ""),
                                            letter_to("Bo Marsh", "Marsh", long_story)};
  const auto pdf = print_module().letters_pdf(docs, "H.R. 1144: support", "2026-11-28");
  test::TempDir dir;
  const auto file = (dir / "letters.pdf").string();
  write_file_atomic(file, pdf);

  const auto info = run("pdfinfo " + file);
  CHECK(info.find("Pages:           3") != std::string::npos);  // one page, then two
  CHECK(info.find("612 x 792 pts (letter)") != std::string::npos);
  CHECK(info.find("Title:           H.R. 1144: support") != std::string::npos);

  const auto text = run("pdftotext -layout " + file + " -");
  CHECK(text.find("Dear Senator Lee:") != std::string::npos);
  CHECK(text.find("Dear Senator Marsh:") != std::string::npos);
  CHECK(text.find("Bo Marsh, November 28, 2026, page 2") != std::string::npos);
  CHECK(text.find("Sincerely,") != std::string::npos);
  // Each letter starts on a page of its own (pdftotext ends pages with a form feed).
  const auto first_page = text.substr(0, text.find('\f'));
  CHECK(first_page.find("Senator Lee") != std::string::npos);
  CHECK(first_page.find("Marsh") == std::string::npos);

  // What a #10 window shows (4.5 x 1.125 in, over 2.45 to 3.2 in from the top
  // of the folded letter): the recipient's block, and not the sender's.
  const auto window = run("pdftotext -f 1 -l 1 -r 72 -x 54 -y 172 -W 324 -H 58 " + file + " -");
  CHECK(window.find("The Honorable Ann Lee") != std::string::npos);
  CHECK(window.find("Seattle, WA 98174") != std::string::npos);
  CHECK(window.find("Pat Doe") == std::string::npos);
}

TEST_CASE("the same letters make the same PDF bytes") {
  test::World world;
  const std::vector<LetterDocument> docs = {letter_to("Ann Lee", "Lee", "A story.")};
  const auto a = print_module().letters_pdf(docs, "t", "2026-11-28");
  const auto b = print_module().letters_pdf(docs, "t", "2026-11-28");
  CHECK(a.size() > 1000);
  CHECK(a.rfind("%PDF-", 0) == 0);
  CHECK(a == b);
}
