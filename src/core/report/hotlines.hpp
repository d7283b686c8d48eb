#pragma once
// Where to report suspected human trafficking, kept offline so it is there
// when it is needed. Numbers are checked against the services' own pages
// (see ../shared/research/bills-facts.md, section 3); change them only
// from such a source.

#include <string_view>
#include <vector>

namespace civic::report {

struct Contact {
  std::string_view method;  // call, text, tty, online
  std::string_view value;   // "1-888-373-7888"
  std::string_view note;    // "24/7", "BeFree"
};

struct Service {
  std::string_view id;       // stable key: "hotline"
  std::string_view name;
  std::string_view when;     // when to use it
  std::string_view about;    // who runs it, what it is
  std::vector<Contact> contacts;
};

const std::vector<Service>& services();

}  // namespace civic::report
