#pragma once
// A letter rendered and framed for its channel, then laid out in a format:
// plain text, Markdown, HTML (PDF is the print module's job). The frame is
// civic's: a postal letter gets the sender's block, the date and the
// recipient's block (where a #10 window envelope shows it); an email gets
// To and Subject lines. The template writes everything else.

#include <string>
#include <vector>

#include "core/letters/letter.hpp"
#include "core/letters/template.hpp"

namespace civic::letters {

struct LetterDocument {
  Channel channel = Channel::letter;
  std::string official_id;
  std::string official_name;
  std::string file_stem;                     // safe: "hr1144-119-support-letter-maria-cantwell-c000127"
  std::vector<std::string> sender_lines;     // postal letters
  std::string date;                          // postal letters
  std::vector<std::string> recipient_lines;  // postal letters
  std::string to;                            // email
  std::string subject;                       // email: from a first "Subject: ..." line of the template
  std::string sender_name;                   // email: who it is from
  std::string sender_email;
  std::string body;                          // paragraphs separated by blank lines
};

// Renders and frames one letter. A web-form message over k_form_limit is
// an Error saying whose it is and by how much.
LetterDocument compose(const LetterTemplate& letter_template, const LetterInput& input);
// The same for one of many letters sharing the renderer's bill, stance and date.
LetterDocument compose(LetterRenderer& renderer, const LetterInput& input);
// The same to `recipient`, whatever input.recipient says: one writer's
// input serves all their letters.
LetterDocument compose(LetterRenderer& renderer, const LetterInput& input, const Recipient& recipient);

// Throws a usage Error, before anything is written, when the channel or
// the template needs a sender detail that was not given.
void require_sender(const LetterTemplate& letter_template, Channel channel, const Sender& sender);
// The sender details the letter prints but `sender` lacks: "name",
// "address", "email", "phone".
std::vector<std::string> missing_sender_fields(const LetterTemplate& letter_template, Channel channel,
                                               const Sender& sender);

std::string to_text(const LetterDocument& doc);
std::string to_markdown(const LetterDocument& doc);
// One HTML document holding every letter, each starting a new printed page.
std::string to_html(const std::vector<LetterDocument>& docs);

// Lower-case ASCII letters, digits and dashes: "José Peña" → "jose-pena".
std::string file_slug(std::string_view text);

}  // namespace civic::letters
