#pragma once
// `civic letter`: the four steps of a letter for one sender, in order, on
// one thread: plan (plan.hpp) the letters to the officials of a place or
// to those named, render (render.hpp) each in the format asked, write
// (write.hpp) them into a folder or as one stream, and record (record.hpp)
// them in the journal as drafted contacts when asked.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/geo/place.hpp"
#include "core/journal/contact.hpp"
#include "core/letters/plan.hpp"
#include "core/letters/template.hpp"

namespace civic::letters {

// --log: each letter recorded in the journal as a drafted contact.
enum class LogLetters { no, yes };

struct LetterRequest {
  const bills::Bill* bill = nullptr;
  Stance stance = Stance::support;
  Channel channel = Channel::letter;
  LetterFormat format = LetterFormat::txt;
  OfficeChoice office = OfficeChoice::district;
  std::optional<reps::Level> level;  // nullopt: every level
  Date date;
  SenderInput sender;
  const geo::Location* place = nullptr;  // the sender's place, checked with place_problem(); or
  std::vector<NamedSeat> named;          // the officials named
  std::optional<std::filesystem::path> out_dir;
  LogLetters log = LogLetters::no;
};

struct LetterDeps {
  SQLite::Database& reference;
  const LetterTemplate& letter_template;
  // Opened to record the letters, once they are composed and before any is written.
  std::function<SQLite::Database&()> journal;
  std::string now_utc;
  // What planning met (a vacant seat, another office, no address), as it is met.
  std::function<void(const PlanEvent&)> on_event;
};

struct LetterResult {
  std::string stream;                        // without a folder: every letter, in the format
  std::vector<std::filesystem::path> files;  // with a folder, in letter order
  std::vector<journal::Contact> logged;      // with --log, as the journal holds them
  bool skipped = false;                      // an official got no letter (no postal address)
};

// Throws a usage Error (a web-form message over the limit, ...) before
// anything is written, and an Error when no official can be written to.
LetterResult write_letters(const LetterRequest& request, const LetterDeps& deps);

}  // namespace civic::letters
