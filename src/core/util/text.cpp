#include "core/util/text.hpp"

#include <algorithm>
#include <charconv>
#include <cctype>

namespace civic::text {
namespace {

char lower_char(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

}  // namespace

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), lower_char);
  return out;
}

std::string upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); });
  return out;
}

std::string_view trim(std::string_view s) {
  const auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!s.empty() && is_space(s.front())) {
    s.remove_prefix(1);
  }
  while (!s.empty() && is_space(s.back())) {
    s.remove_suffix(1);
  }
  return s;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto pos = s.find(sep, start);
    parts.emplace_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) {
      return parts;
    }
    start = pos + 1;
  }
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) {
      out += sep;
    }
    out += parts[i];
  }
  return out;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && lower(s.substr(0, prefix.size())) == lower(prefix);
}

std::string excerpt(std::string_view s, std::size_t limit) {
  if (s.size() <= limit) {
    return std::string(s);
  }
  auto end = limit;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) {
    --end;  // not inside a character
  }
  return std::string(s.substr(0, end)) + "...";
}

std::optional<int> read_int(std::string_view s, std::size_t at, std::size_t width) {
  if (at > s.size() || width > s.size() - at) {
    return std::nullopt;
  }
  const char* first = s.data() + at;
  int value = 0;
  const auto [end, ec] = std::from_chars(first, first + width, value);
  if (ec != std::errc() || end != first + width) {
    return std::nullopt;
  }
  return value;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t cost = lower_char(a[i - 1]) == lower_char(b[j - 1]) ? 0 : 1;
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const auto& candidate : candidates) {
    const auto d = edit_distance(word, candidate);
    if (!best || d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  // Allow about one typo per three characters, and at least one.
  const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  if (!best || best_distance > limit) {
    return std::nullopt;
  }
  return best;
}

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const auto next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    // Combining marks (U+0300 to U+036F) sit on the letter before them.
    const bool combining = c == 0xCC || (c == 0xCD && next >= 0x80 && next <= 0xAF);
    if ((c & 0xC0) != 0x80 && !combining) {
      ++width;
    }
  }
  return width;
}

bool natural_less(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (is_digit(a[i]) && is_digit(b[j])) {
      std::size_t ie = i;
      std::size_t je = j;
      while (ie < a.size() && is_digit(a[ie])) {
        ++ie;
      }
      while (je < b.size() && is_digit(b[je])) {
        ++je;
      }
      auto na = a.substr(i, ie - i);
      auto nb = b.substr(j, je - j);
      while (na.size() > 1 && na.front() == '0') {
        na.remove_prefix(1);
      }
      while (nb.size() > 1 && nb.front() == '0') {
        nb.remove_prefix(1);
      }
      if (na.size() != nb.size()) {
        return na.size() < nb.size();
      }
      if (na != nb) {
        return na < nb;
      }
      i = ie;
      j = je;
      continue;
    }
    const char ca = lower_char(a[i]);
    const char cb = lower_char(b[j]);
    if (ca != cb) {
      return ca < cb;
    }
    ++i;
    ++j;
  }
  return a.size() - i < b.size() - j;
}

std::vector<std::string> wrap(std::string_view text, std::size_t width, std::string_view indent) {
  std::vector<std::string> lines;
  std::string line(indent);
  std::size_t line_width = display_width(indent);
  const std::size_t empty_width = line_width;
  for (const auto& word : split(text, ' ')) {
    if (word.empty()) {
      continue;
    }
    const auto word_width = display_width(word);
    if (line_width > empty_width && line_width + 1 + word_width > width) {
      lines.push_back(line);
      line = std::string(indent);
      line_width = empty_width;
    }
    if (line_width > empty_width) {
      line += ' ';
      ++line_width;
    }
    line += word;
    line_width += word_width;
  }
  if (line_width > empty_width || lines.empty()) {
    lines.push_back(line);
  }
  return lines;
}

}  // namespace civic::text
