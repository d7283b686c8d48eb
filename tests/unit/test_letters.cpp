// Letter templates, recipients and the text formats.
#include <doctest/doctest.h>

#include <functional>
#include <map>
#include <set>

#include "core/bills/catalog.hpp"
#include "core/error.hpp"
#include "core/letters/document.hpp"
#include "core/letters/placeholders.hpp"
#include "core/letters/recipient.hpp"
#include "core/reps/states.hpp"
#include "core/util/files.hpp"
#include "support/test_env.hpp"

using namespace civic;
using namespace civic::letters;

namespace {

reps::Office office_at(std::string kind, std::string name, std::string address) {
  reps::Office office;
  office.kind = std::move(kind);
  office.name = std::move(name);
  office.address = std::move(address);
  return office;
}

templates::SourceFile source(const std::string& text) { return {"t.mustache", text, "my/t.mustache", false}; }

LetterTemplate compile(const std::string& text) { return LetterTemplate::compile(source(text)); }

const bills::Catalog& catalog() {
  static const auto shipped = bills::load_catalog({});
  return shipped;
}

reps::Official official(const std::string& name, const std::string& family) {
  reps::Official o;
  o.id = "X000001";
  o.name = name;
  o.family_name = family;
  return o;
}

reps::Role role(const std::string& state, reps::Chamber chamber, const std::string& title) {
  reps::Role r;
  r.state = state;
  r.chamber = chamber;
  r.level = reps::level_of(chamber);
  r.title = title;
  return r;
}

LetterInput input(Channel channel = Channel::letter, Stance stance = Stance::support) {
  LetterInput in;
  in.bill = &catalog().require("hr1144", 119);
  in.stance = stance;
  in.channel = channel;
  reps::Office office;
  office.kind = "district";
  office.street = "500 Pine St., Suite 5";
  office.city = "Seattle";
  office.state = "WA";
  office.zip = "98101";
  office.address = "500 Pine St., Suite 5, Seattle, WA 98101";
  office.phone = "206-555-0100";
  in.recipient = make_recipient(official("Carol Placeholder", "Placeholder"),
                                role("WA", reps::Chamber::house, "Representative"), &office);
  in.sender = {"Pat Doe", {"12 Elm St", "Kent, WA 98030"}, "pat@example.org", ""};
  in.date = *parse_date("2026-11-28");
  return in;
}

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& e) {
    return std::string(e.what()) + " | " + e.hint_text();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("an unknown placeholder names the file, line, column and the closest name") {
  const auto message = error_of([] { compile("Dear {{recipient.title}},\n\n  {{bill.titel}}\n"); });
  CHECK(message.find("my/t.mustache:3:3: unknown placeholder 'bill.titel'") == 0);
  CHECK(message.find("did you mean 'bill.title'?") != std::string::npos);
  // Columns count characters, not bytes.
  CHECK(error_of([] { compile("Açaí {{nope}}"); }).find("my/t.mustache:1:6:") == 0);
  CHECK(error_of([] { compile("{{#bill}}{{titel}}{{/bill}}"); }).find("unknown placeholder 'titel'") !=
        std::string::npos);
}

TEST_CASE("sections must close, in order, and lists and flags are used as sections") {
  CHECK(error_of([] { compile("{{#bill.pending}}x"); }).find(":1:1: section 'bill.pending' is never closed") !=
        std::string::npos);
  CHECK(error_of([] { compile("{{#stance.support}}x{{/stance.oppose}}"); })
            .find("{{/stance.oppose}} closes 'stance.support'") != std::string::npos);
  CHECK(error_of([] { compile("x{{/bill}}"); }).find("closes a section that was never opened") != std::string::npos);
  CHECK(error_of([] { compile("{{bill.talking_points}}"); }).find("is a list") != std::string::npos);
  CHECK(error_of([] { compile("{{bill.enacted}}"); }).find("is a yes/no flag") != std::string::npos);
  CHECK(error_of([] { compile("{{bill}}"); }).find("is a group") != std::string::npos);
  CHECK(error_of([] { compile("{{.}}"); }).find("only meaningful inside a list") != std::string::npos);
  CHECK(error_of([] { compile("{{> footer}}"); }).find("partials are not supported") != std::string::npos);
  CHECK(error_of([] { compile("{{=<% %>=}}"); }).find("changing the delimiters") != std::string::npos);
  CHECK(error_of([] { compile("{{bill.title"); }).find("never closed with }}") != std::string::npos);
  CHECK(error_of([] { compile("{{}}"); }).find("empty tag") != std::string::npos);
  // Comments may say anything.
  CHECK_NOTHROW(compile("{{! {{bill.titel}} is not read }}{{bill.title}}"));
}

TEST_CASE("the sender fields a template prints are required; guarded ones are not") {
  CHECK(compile("{{sender.name}} {{sender.phone}}").required_sender_fields() ==
        std::set<std::string>{"name", "phone"});
  CHECK(compile("{{#sender.phone}}Call {{sender.phone}}{{/sender.phone}}").required_sender_fields().empty());
  CHECK(compile("{{#sender}}{{email}}{{/sender}}").required_sender_fields() == std::set<std::string>{"email"});
  auto in = input(Channel::call);
  in.sender.phone.clear();
  const auto needs_phone = compile("{{sender.phone}}");
  CHECK(error_of([&] { require_sender(needs_phone, Channel::call, in.sender); }).find("needs --sender-phone") !=
        std::string::npos);
  // A postal letter always needs the return address.
  in.sender.address_lines.clear();
  CHECK(error_of([&] { require_sender(compile("hi"), Channel::letter, in.sender); })
            .find("needs --sender-address") != std::string::npos);
  CHECK_NOTHROW(require_sender(compile("hi"), Channel::form, in.sender));
}

TEST_CASE("values are inserted as they are, never read as templates") {
  auto in = input();
  in.sender.name = "{{bill.title}} <b>&</b>";
  in.story = "{{#stance.oppose}}x{{/stance.oppose}}";
  const auto text = compile("{{sender.name}}|{{{sender.name}}}|{{story}}").render(in);
  CHECK(text == "{{bill.title}} <b>&</b>|{{bill.title}} <b>&</b>|{{#stance.oppose}}x{{/stance.oppose}}");
}

TEST_CASE("one renderer's letters in a row each carry their own sender, story and supporter fields") {
  auto in = input();
  const auto tmpl = compile("{{recipient.last_name}}: {{sender.name}}, {{sender.city_line}}, {{story}}");
  LetterRenderer renderer(tmpl, in);
  auto other = in;
  other.sender.name = "Bo Other";
  other.sender.address_lines.back() = "Tacoma, WA 98402";
  other.story = "my own words";
  const auto first = renderer.render(in, in.recipient);
  CHECK(renderer.render(in, in.recipient) == first);  // the same supporter, again
  const auto second = renderer.render(other, in.recipient);
  CHECK(second.find(": Bo Other, Tacoma, WA 98402, my own words") != std::string::npos);
  auto address_only = other;
  address_only.sender.address_lines.back() = "Everett, WA 98201";
  CHECK(renderer.render(address_only, in.recipient).find("Bo Other, Everett, WA 98201, my own") != std::string::npos);
  CHECK(renderer.render(in, in.recipient) == first);
}

TEST_CASE("templates reach every placeholder, in groups and lists") {
  auto in = input();
  const auto text = compile(
                        "{{#bill}}{{number}} {{congress}}{{/bill}}\n"
                        "{{#bill.talking_points}}* {{.}}\n{{/bill.talking_points}}"
                        "{{#recipient.address}}{{.}}/{{/recipient.address}}\n"
                        "{{^story}}no story{{/story}} {{#bill.law}}law{{/bill.law}}{{^bill.law}}no law{{/bill.law}}")
                        .render(in);
  CHECK(text.find("H.R. 1144 119th Congress\n* The programs") == 0);
  CHECK(text.find("500 Pine St., Suite 5/Seattle, WA 98101/") != std::string::npos);
  CHECK(text.find("no story no law") != std::string::npos);
  // Every documented placeholder renders without an error.
  std::string all;
  for (const auto& p : placeholders()) {
    const auto name = std::string(p.name);
    all += p.kind == PlaceholderKind::text ? "{{" + name + "}}\n" : "{{#" + name + "}}x{{/" + name + "}}\n";
  }
  CHECK_NOTHROW(compile(all).render(in));
}

TEST_CASE("a line holding only a section tag leaves no blank line, shown or skipped") {
  auto in = input();
  const auto tmpl = compile("A\n{{#stance.oppose}}\nO\n{{/stance.oppose}}\n{{#stance.support}}\nS\n{{/stance.support}}\nB\n");
  CHECK(tmpl.render(in) == "A\nS\nB\n");
  in.stance = Stance::oppose;
  CHECK(tmpl.render(in) == "A\nO\nB\n");
}

TEST_CASE("a composed letter keeps at most one blank line where sections rendered nothing") {
  auto in = input();
  in.story.clear();
  const auto tmpl = compile("Dear friend,\n\n{{story}}\n\n{{#bill.law}}law{{/bill.law}}\n\n\nThanks\n\n\n\n\nBye\n");
  CHECK(compose(tmpl, in).body == "Dear friend,\n\nThanks\n\nBye");
}

TEST_CASE("templates/README.md documents every placeholder") {
  const auto readme = read_file(test::fixtures_dir().parent_path().parent_path() / "templates/README.md");
  for (const auto& p : placeholders()) {
    CHECK_MESSAGE(readme.find("`" + std::string(p.name) + "`") != std::string::npos, "undocumented: ", p.name);
  }
}

TEST_CASE("every shipped template passes the check for every stance and channel") {
  for (const auto channel : {Channel::letter, Channel::email, Channel::form, Channel::call}) {
    const auto name = "letters/" + std::string(to_string(channel)) + ".mustache";
    const auto file = templates::find_file({}, name);
    REQUIRE_MESSAGE(file.has_value(), name);
    const auto tmpl = LetterTemplate::compile(*file);
    for (const auto stance : {Stance::support, Stance::oppose, Stance::thanks, Stance::follow_up}) {
      auto in = input(channel, stance);
      const auto doc = compose(tmpl, in);
      CHECK_MESSAGE(doc.body.find("{{") == std::string::npos, name);
      CHECK_MESSAGE(doc.body.find("\n\n\n") == std::string::npos, name);
      CHECK_MESSAGE(doc.body.find("H.R. 1144") != std::string::npos, name);
      if (channel == Channel::form) {
        CHECK(form_length(doc.body) <= k_form_limit);
      }
    }
  }
}

TEST_CASE("a web-form message counts a newline as two and must fit 500") {
  CHECK(form_length("ab\nc") == 5);
  CHECK(form_length("Açaí") == 4);
  auto in = input(Channel::form);
  in.story = std::string(499, 'x');
  const auto tmpl = compile("{{story}}");
  CHECK(compose(tmpl, in).body.size() == 499);
  in.story = std::string(498, 'x') + "\ny";  // 498 + 2 + 1
  const auto message = error_of([&] { compose(tmpl, in); });
  CHECK(message.find("is 501 characters, 1 over the limit of 500") != std::string::npos);
}

TEST_CASE("titles and salutations follow each seat, state by state") {
  const auto salute = [](const std::string& state, reps::Chamber chamber, const std::string& title) {
    return make_recipient(official("Ann Lee", "Lee"), role(state, chamber, title), nullptr).salutation;
  };
  // Congress: senators, representatives, and the delegates and resident commissioner of DC and the territories.
  for (const auto& state : reps::all_states()) {
    const auto house = std::string(reps::house_title(state));
    const bool territory = state.kind != reps::Jurisdiction::state;
    CHECK_MESSAGE(house == (state.code == "PR" ? "Resident Commissioner" : territory ? "Delegate" : "Representative"),
                  state.code);
    CHECK(salute(std::string(state.code), reps::Chamber::house, house) == "Dear " + house + " Lee:");
    CHECK(reps::has_senators(state) == !territory);
    if (!state.upper_title.empty()) {
      CHECK(salute(std::string(state.code), reps::Chamber::upper, std::string(state.upper_title)) ==
            "Dear " + std::string(state.upper_title) + " Lee:");
    }
  }
  // The state legislatures' own titles.
  const std::map<std::string, std::string> lower_titles = {
      {"CA", "Assemblymember"}, {"NY", "Assemblymember"}, {"NV", "Assemblymember"}, {"NJ", "Assemblymember"},
      {"MD", "Delegate"},       {"VA", "Delegate"},       {"WV", "Delegate"},       {"WA", "Representative"},
      {"TX", "Representative"}, {"WI", "Representative"}, {"NE", ""},               {"DC", ""}};
  for (const auto& [code, title] : lower_titles) {
    CHECK_MESSAGE(std::string(reps::find_state(code)->lower_title) == title, code);
  }
  for (const auto& state : reps::all_states()) {
    const bool own_title = lower_titles.count(std::string(state.code)) > 0;
    if (!own_title && state.kind == reps::Jurisdiction::state) {
      CHECK_MESSAGE(std::string(state.lower_title) == "Representative", state.code);
    }
  }
  CHECK(std::string(reps::find_state("NE")->upper_title) == "Senator");
  CHECK(std::string(reps::find_state("DC")->upper_title) == "Councilmember");
  CHECK(salute("CA", reps::Chamber::lower, "Assemblymember") == "Dear Assemblymember Lee:");
  CHECK(salute("WA", reps::Chamber::executive, "Governor") == "Dear Governor Lee:");
  CHECK(salute("DC", reps::Chamber::executive, "Mayor") == "Dear Mayor Lee:");
}

TEST_CASE("the recipient block names the honourable member, the body and the office") {
  const auto senator = make_recipient(official("Ann Lee", "Lee"), role("WA", reps::Chamber::senate, "Senator"), nullptr);
  CHECK(senator.formal_name == "The Honorable Ann Lee");
  CHECK(senator.body == "United States Senate");
  CHECK(make_recipient(official("Ann Lee", "Lee"), role("CA", reps::Chamber::lower, "Assemblymember"), nullptr).body ==
        "California Assembly");
  CHECK(make_recipient(official("Ann Lee", "Lee"), role("WA", reps::Chamber::executive, "Governor"), nullptr).body ==
        "Governor of Washington");
  CHECK(make_recipient(official("Ann Lee", "Lee"), role("DC", reps::Chamber::executive, "Mayor"), nullptr).body ==
        "Mayor of the District of Columbia");
  // Without a family name, the last word of the name, suffixes aside.
  CHECK(make_recipient(official("Robert Q. Smith Jr.", ""), role("WA", reps::Chamber::house, "Representative"),
                       nullptr)
            .last_name == "Smith");
  const auto in = input();
  CHECK(in.recipient.address_lines == std::vector<std::string>{"500 Pine St., Suite 5", "Seattle, WA 98101"});
}

TEST_CASE("the district office is preferred, nearest first; the capitol when asked or when there is none") {
  auto o = official("Ann Lee", "Lee");
  auto capitol = office_at("capitol", "", "1 Hill, Washington, DC 20510");
  auto far = office_at("district", "Spokane office", "2 Main, Spokane, WA 99201");
  auto near = office_at("district", "Seattle office", "3 Pine, Seattle, WA 98101");
  o.offices = {capitol, far, near};
  CHECK(pick_office(o, OfficeChoice::district, 2).office->name == "Seattle office");
  CHECK(pick_office(o, OfficeChoice::district, std::nullopt).office->name == "Spokane office");
  CHECK(pick_office(o, OfficeChoice::capitol, 2).office->kind == "capitol");
  o.offices = {capitol};
  const auto fallback = pick_office(o, OfficeChoice::district, std::nullopt);
  CHECK(fallback.office->kind == "capitol");
  CHECK(fallback.note.find("no district office") != std::string::npos);
  o.offices = {office_at("home", "", "4 Elm, Kent, WA 98030")};
  CHECK(pick_office(o, OfficeChoice::district, std::nullopt).office == nullptr);  // a home address is never used
}

TEST_CASE("an office without a street or ZIP code is passed over for one a letter can reach") {
  auto o = official("Ann Lee", "Lee");
  auto town_only = office_at("district", "Herkimer office", "Herkimer, NY");
  town_only.city = "Herkimer";
  town_only.state = "NY";
  auto no_zip = office_at("district", "Glens Falls office", "5 Warren St, Glens Falls, NY");
  auto capitol = office_at("capitol", "", "1 Hill, Washington, DC 20515");
  o.offices = {town_only, no_zip, capitol};
  const auto pick = pick_office(o, OfficeChoice::district, 0);
  CHECK(pick.office->kind == "capitol");
  CHECK(pick.note == "no full district office address on record (street and ZIP code); writing to the capitol office");
  o.offices = {town_only};
  const auto last_resort = pick_office(o, OfficeChoice::district, 0);
  CHECK(last_resort.office->name == "Herkimer office");
  CHECK(last_resort.note.find("lacks a street or ZIP code") != std::string::npos);
}

TEST_CASE("postal addresses are split into envelope lines") {
  CHECK(address_lines("123 Main St, Apt 4, Seattle, WA 98101") ==
        std::vector<std::string>{"123 Main St, Apt 4", "Seattle, WA 98101"});
  CHECK(address_lines("123 Main St\nSeattle, WA 98101-1234") ==
        std::vector<std::string>{"123 Main St", "Seattle, WA 98101-1234"});
  CHECK(address_lines("Office of the Governor; PO Box 40002;") ==
        std::vector<std::string>{"Office of the Governor", "PO Box 40002"});
  CHECK(address_lines("somewhere, far away") == std::vector<std::string>{"somewhere, far away"});
  CHECK(address_lines("").empty());
  // Split before "City, ST ZIP" only when the last part is a state, with a ZIP or ZIP+4 or none.
  CHECK(address_lines("1 Capitol Way, Olympia, wa") == std::vector<std::string>{"1 Capitol Way", "Olympia, wa"});
  CHECK(address_lines("1 Capitol Way, Olympia, WA  98501-1234") ==
        std::vector<std::string>{"1 Capitol Way", "Olympia, WA  98501-1234"});
  for (const auto* last : {"WA98501", "Wash 98501", "WA 9850", "WA 98501-12", "WA 98501 1234", "W1 98501"}) {
    CAPTURE(last);
    const auto address = std::string("1 Capitol Way, Olympia, ") + last;
    CHECK(address_lines(address) == std::vector<std::string>{address});
  }
}

TEST_CASE("text formats: Markdown renders the text as written, HTML escapes everything") {
  auto in = input();
  in.sender.name = "Pat *Doe* <script>";
  const auto doc = compose(compile("{{recipient.salutation}}\n\n1. {{sender.name}}\n- # x"), in);
  CHECK(doc.file_stem == "hr1144-119-support-letter-carol-placeholder-x000001");
  const auto text = to_text(doc);
  CHECK(text.find("Pat *Doe* <script>\n12 Elm St\nKent, WA 98030\npat@example.org\n\nNovember 28, 2026\n\n"
                  "The Honorable Carol Placeholder\nUnited States House of Representatives\n") == 0);
  const auto md = to_markdown(doc);
  CHECK(md.find("Pat \\*Doe\\* \\<script\\>  \n") == 0);
  CHECK(md.find("1\\. Pat") != std::string::npos);
  CHECK(md.find("\\- \\# x") != std::string::npos);
  const auto html = to_html({doc, doc});
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("Pat *Doe* &lt;script&gt;") != std::string::npos);
  CHECK(html.find("<title>2 letters</title>") != std::string::npos);
}

TEST_CASE("file names are safe on every system") {
  CHECK(file_slug("José Peña-Núñez / ocd-person/0a1b") == "jose-pena-nunez-ocd-person-0a1b");
  CHECK(file_slug("../../etc/passwd") == "etc-passwd");
  CHECK(file_slug("Ærø “quoted” name") == "aro-quoted-name");
}

TEST_CASE("the example template in templates/README.md is a valid template") {
  const auto readme = read_file(test::fixtures_dir().parent_path().parent_path() / "templates/README.md");
  const auto start = readme.find("```mustache\n");
  REQUIRE(start != std::string::npos);
  const auto body = readme.substr(start + 12, readme.find("```", start + 12) - start - 12);
  const auto tmpl = compile(body);
  CHECK(tmpl.required_sender_fields() == std::set<std::string>{"city_line", "name"});
  auto in = input(Channel::form);
  CHECK(compose(tmpl, in).body.find("I live in Kent, WA 98030 and I ask you to support H.R. 1144") == 0);
}

TEST_CASE("a hostile template is refused where it passes a limit: nesting, lists in lists, size, what it renders") {
  std::string deep;
  for (int i = 0; i < 1000; ++i) {
    deep += "{{#bill.pending}}";
  }
  CHECK(error_of([&] { compile(deep); }).find("my/t.mustache:1:273: sections nest more than 16 deep here") == 0);
  std::string sixteen;
  for (int i = 0; i < 16; ++i) {
    sixteen = "{{#bill.pending}}" + sixteen + "{{/bill.pending}}";
  }
  CHECK(error_of([&] { compile(sixteen); }) == "(no error)");
  CHECK(error_of([] {
          compile("{{#bill.talking_points}}\n{{#sender.address}}{{.}}{{/sender.address}}{{/bill.talking_points}}");
        }).find("my/t.mustache:2:1: the list section 'sender.address' is inside the list section "
                "'bill.talking_points' opened at line 1") == 0);
  CHECK(error_of([] { compile(std::string(3, '\n') + std::string(70000, 'x')); })
            .find("my/t.mustache:4:65534: the template is 70003 bytes; here it passes the 65536") == 0);
  // Within every limit, but repeating the story past what a letter can be.
  std::string repeats;
  for (int i = 0; i < 300; ++i) {
    repeats += "{{story}}";
  }
  auto in = input();
  in.story = std::string(1000, 's');
  CHECK(error_of([&] { compile(repeats).render(in); }).find("my/t.mustache: the letter renders to more than 256 KiB") ==
        0);
}
