#include "core/letters/document.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/util/text.hpp"

namespace civic::letters {
namespace {

// Where a line starts with "Subject:", the email's subject is that line.
constexpr std::string_view k_subject = "Subject:";

std::string trim_blank_lines(std::string text) {
  while (!text.empty() && (text.front() == '\n' || text.front() == ' ')) {
    text.erase(0, 1);
  }
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
    text.pop_back();
  }
  return text;
}

// Runs of blank lines (a section that rendered nothing) become one.
std::string collapse_blank_lines(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  std::size_t from = 0;
  while (from < text.size()) {
    const auto run = text.find("\n\n\n", from);
    if (run == std::string::npos) {
      out.append(text, from);
      break;
    }
    out.append(text, from, run + 2 - from);  // the line's end and one blank line
    from = text.find_first_not_of('\n', run);
    if (from == std::string::npos) {
      break;
    }
  }
  return out;
}

void take_subject(LetterDocument& doc) {
  if (doc.body.rfind(k_subject, 0) != 0) {
    return;
  }
  const auto end = doc.body.find('\n');
  doc.subject = std::string(text::trim(doc.body.substr(k_subject.size(), end - k_subject.size())));
  doc.body = end == std::string::npos ? std::string() : trim_blank_lines(doc.body.substr(end));
}

std::vector<std::string> sender_block(const Sender& sender) {
  std::vector<std::string> lines = {sender.name};
  lines.insert(lines.end(), sender.address_lines.begin(), sender.address_lines.end());
  for (const auto* extra : {&sender.email, &sender.phone}) {
    if (!extra->empty()) {
      lines.push_back(*extra);
    }
  }
  return lines;
}

std::vector<std::string> recipient_block(const Recipient& r) {
  std::vector<std::string> lines = {r.formal_name, r.body};
  if (!r.office_name.empty() && r.office_name.find("office") == std::string::npos &&
      r.office_name.find("Office") == std::string::npos) {
    lines.push_back(r.office_name);
  }
  lines.insert(lines.end(), r.address_lines.begin(), r.address_lines.end());
  return lines;
}

std::string html_escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Backslash-escapes what Markdown would otherwise read as markup, so the
// text renders exactly as written.
std::string markdown_escape(std::string_view line) {
  std::string out;
  for (const char c : line) {
    if (std::string_view("\\`*_[]<>|#").find(c) != std::string_view::npos) {
      out += '\\';
    }
    out += c;
  }
  const auto first = out.find_first_not_of(' ');
  if (first != std::string::npos && (out[first] == '-' || out[first] == '+' || out[first] == '=')) {
    out.insert(first, "\\");
  }
  const auto digits_end = out.find_first_not_of("0123456789", first);
  if (first != std::string::npos && digits_end != first && digits_end != std::string::npos &&
      (out[digits_end] == '.' || out[digits_end] == ')')) {
    out.insert(digits_end, "\\");
  }
  return out;
}

std::string frame_text(const LetterDocument& doc) {
  std::string out;
  if (doc.channel == Channel::letter) {
    out += text::join(doc.sender_lines, "\n") + "\n\n" + doc.date + "\n\n" + text::join(doc.recipient_lines, "\n") +
           "\n\n";
  } else if (doc.channel == Channel::email) {
    out += "To: " + doc.to + "\nSubject: " + doc.subject + "\n\n";
  }
  return out;
}

std::string html_block(const std::vector<std::string>& lines, const char* tag) {
  std::vector<std::string> escaped;
  for (const auto& line : lines) {
    escaped.push_back(html_escape(line));
  }
  return fmt::format("<{0}>{1}</{0}>\n", tag, text::join(escaped, "<br>\n"));
}

std::string html_article(const LetterDocument& doc) {
  std::string out = "<article>\n";
  if (doc.channel == Channel::letter) {
    out += html_block(doc.sender_lines, "address");
    out += "<p class=\"date\">" + html_escape(doc.date) + "</p>\n";
    out += html_block(doc.recipient_lines, "address");
  } else if (doc.channel == Channel::email) {
    out += html_block({"To: " + doc.to, "Subject: " + doc.subject}, "header");
  }
  std::size_t start = 0;
  while (start < doc.body.size()) {
    auto end = doc.body.find("\n\n", start);
    end = end == std::string::npos ? doc.body.size() : end;
    out += html_block(text::split(doc.body.substr(start, end - start), '\n'), "p");
    start = end + 2;
  }
  return out + "</article>\n";
}

}  // namespace

LetterDocument compose(const LetterTemplate& letter_template, const LetterInput& input) {
  LetterRenderer renderer(letter_template, input);
  return compose(renderer, input);
}

LetterDocument compose(LetterRenderer& renderer, const LetterInput& input) {
  return compose(renderer, input, input.recipient);
}

LetterDocument compose(LetterRenderer& renderer, const LetterInput& input, const Recipient& recipient) {
  LetterDocument doc;
  doc.channel = input.channel;
  doc.official_id = recipient.official_id;
  doc.official_name = recipient.name;
  doc.file_stem =
      file_slug(input.bill->id.canonical() + "-" + std::string(to_string(input.stance)) + "-" +
                std::string(to_string(input.channel)) + "-" + recipient.name + "-" + recipient.official_id);
  doc.body = trim_blank_lines(collapse_blank_lines(renderer.render(input, recipient)));
  if (input.channel == Channel::letter) {
    doc.sender_lines = sender_block(input.sender);
    doc.date = long_date(input.date);
    doc.recipient_lines = recipient_block(recipient);
  } else if (input.channel == Channel::email) {
    doc.sender_name = input.sender.name;
    doc.sender_email = input.sender.email;
    take_subject(doc);
    if (doc.subject.empty()) {
      doc.subject = input.bill->id.display() + ", " + input.bill->name();
    }
    doc.to = recipient.email.empty()
                 ? "(no public email address on record" +
                       (recipient.contact_form.empty() ? std::string(")")
                                                             : "; contact form: " + recipient.contact_form + ")")
                 : recipient.email;
  } else if (input.channel == Channel::form && form_length(doc.body) > k_form_limit) {
    const auto length = form_length(doc.body);
    throw usage_error(fmt::format("the web-form message to {} is {} characters, {} over the limit of {} (a newline "
                                  "counts two)",
                                  recipient.name, length, length - k_form_limit, k_form_limit))
        .hint("shorten your story (--story), or use --channel email or letter for a longer message");
  }
  return doc;
}

std::vector<std::string> missing_sender_fields(const LetterTemplate& letter_template, Channel channel,
                                               const Sender& sender) {
  auto needed = letter_template.required_sender_fields();
  if (channel == Channel::letter) {
    needed.insert({"name", "address_line"});  // the return address block
  }
  const std::pair<const char*, const char*> kinds[] = {{"name", "name"},       {"address_line", "address"},
                                                       {"address", "address"}, {"city_line", "address"},
                                                       {"email", "email"},     {"phone", "phone"}};
  const std::map<std::string, bool> given = {{"name", !sender.name.empty()},
                                             {"address", !sender.address_lines.empty()},
                                             {"email", !sender.email.empty()},
                                             {"phone", !sender.phone.empty()}};
  std::vector<std::string> missing;
  for (const auto& [field, kind] : kinds) {
    if (needed.count(field) > 0 && !given.at(kind) &&
        std::find(missing.begin(), missing.end(), kind) == missing.end()) {
      missing.emplace_back(kind);
    }
  }
  return missing;
}

void require_sender(const LetterTemplate& letter_template, Channel channel, const Sender& sender) {
  std::vector<std::string> flags;
  for (const auto& field : missing_sender_fields(letter_template, channel, sender)) {
    flags.push_back("--sender-" + field);
  }
  if (!flags.empty()) {
    throw usage_error("this " + std::string(to_string(channel)) + " needs " + text::join(flags, ", ") + " (from " +
                      letter_template.origin() + ")")
        .hint(
            "give the flag, or keep your details with 'civic me set --name ... --postal-address ... --email ... "
            "--phone ...'");
  }
}

std::string to_text(const LetterDocument& doc) {
  return frame_text(doc) + doc.body + "\n";
}

std::string to_markdown(const LetterDocument& doc) {
  std::string out;
  for (const auto& line : text::split(frame_text(doc) + doc.body, '\n')) {
    out += line.empty() ? "\n" : markdown_escape(line) + "  \n";
  }
  return out;
}

std::string to_html(const std::vector<LetterDocument>& docs) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
      html_escape(docs.size() == 1 ? "Letter to " + docs.front().official_name
                                   : std::to_string(docs.size()) + " letters") +
      "</title>\n<style>\nbody { font-family: Georgia, serif; max-width: 40em; margin: 2em auto; line-height: 1.4; }\n"
      "address { font-style: normal; margin: 1em 0; }\n"
      "article + article { break-before: page; margin-top: 3em; }\n</style>\n</head>\n<body>\n";
  for (const auto& doc : docs) {
    out += html_article(doc);
  }
  return out + "</body>\n</html>\n";
}

std::string file_slug(std::string_view input) {
  // Latin-1 letters (U+00C0 to U+00FF) folded to ASCII; '-' drops the character.
  static constexpr std::string_view k_fold = "AAAAAAACEEEEIIIIDNOOOOO-OUUUUYTsaaaaaaaceeeeiiiidnooooo-ouuuuyty";
  static_assert(k_fold.size() == 64);
  std::string out;
  const auto push = [&out](char c) {
    if (c == '-') {
      if (!out.empty() && out.back() != '-') {
        out += '-';
      }
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  };
  for (std::size_t i = 0; i < input.size(); ++i) {
    const auto c = static_cast<unsigned char>(input[i]);
    if (std::isalnum(c) != 0 && c < 0x80) {
      push(static_cast<char>(c));
    } else if (c == 0xC3 && i + 1 < input.size()) {
      const auto code = 0xC0 + (static_cast<unsigned char>(input[++i]) & 0x3F);
      push(code >= 0xC0 && code <= 0xFF ? k_fold[code - 0xC0] : '-');
    } else {
      push('-');
      while (i + 1 < input.size() && (static_cast<unsigned char>(input[i + 1]) & 0xC0) == 0x80) {
        ++i;  // the rest of a multi-byte character
      }
    }
  }
  while (!out.empty() && out.back() == '-') {
    out.pop_back();
  }
  return out;
}

}  // namespace civic::letters
