#include "core/goods/goods.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/util/text.hpp"

namespace civic::goods {
namespace {

constexpr double k_min_score = 0.7;
constexpr double k_score_band = 0.1;
constexpr double k_country_score = 0.85;

// Everyday words for goods the list names otherwise.
struct Synonym {
  std::string_view word;
  std::string_view good;
};
constexpr Synonym k_synonyms[] = {
    {"chocolate", "cocoa"},      {"cacao", "cocoa"},         {"clothing", "garments"},
    {"clothes", "garments"},     {"shirt", "garments"},      {"apparel", "garments"},
    {"phone", "electronics"},    {"smartphone", "electronics"}, {"laptop", "electronics"},
    {"shoe", "footwear"},        {"sneaker", "footwear"},    {"sugar", "sugarcane"},
    {"solar panel", "solar module"}, {"battery", "lithium ion battery"}, {"jewelry", "gold"},
};

// Folds the Latin-1 letters of UTF-8 text to ASCII ("Açaí" → "Acai"),
// whether the accents are composed or combining marks (U+0300 to U+036F).
std::string fold_accents(std::string_view text) {
  static constexpr std::string_view k_fold = "AAAAAAACEEEEIIIIDNOOOOO OUUUUYTsaaaaaaaceeeeiiiidnooooo ouuuuyty";
  static_assert(k_fold.size() == 64);
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (c == 0xC3 && next != 0) {
      out += k_fold[next & 0x3F];
      ++i;
    } else if (c == 0xCC || (c == 0xCD && next >= 0x80 && next <= 0xAF)) {
      ++i;  // a combining mark: the letter before it stands alone
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += ' ';
    }
  }
  return out;
}

std::string singular(std::string word) {
  if (word.size() > 4 && word.ends_with("ies")) {
    return word.substr(0, word.size() - 3) + "y";
  }
  if (word.size() > 4 && (word.ends_with("ches") || word.ends_with("shes") || word.ends_with("oes") ||
                          word.ends_with("xes") || word.ends_with("sses"))) {
    return word.substr(0, word.size() - 2);
  }
  if (word.size() > 3 && word.back() == 's' && !word.ends_with("ss") && !word.ends_with("us")) {
    word.pop_back();
  }
  return word;
}

// How well one query word matches one word of a good's name: 1 for the
// same, less for a typo or a prefix, 0 for a different word.
double word_score(const std::string& query, const std::string& word) {
  if (query == word) {
    return 1.0;
  }
  if (query.size() >= 4 && word.rfind(query, 0) == 0) {
    return 0.8;
  }
  const auto distance = text::edit_distance(query, word);
  const std::size_t allowed = query.size() >= 8 ? 2 : query.size() >= 4 ? 1 : 0;
  return distance <= allowed ? 1.0 - 0.1 * static_cast<double>(distance) - 0.05 : 0.0;
}

// The mean score of the query's words, each against its best word of the
// name; 0 when any query word matches nothing.
double words_score(const std::vector<std::string>& query, const std::vector<std::string>& name) {
  if (query.empty()) {
    return 0;
  }
  double total = 0;
  for (const auto& q : query) {
    double best = 0;
    for (const auto& w : name) {
      best = std::max(best, word_score(q, w));
    }
    if (best == 0) {
      return 0;
    }
    total += best;
  }
  return total / static_cast<double>(query.size());
}

// A name with words the query lacks ("Crude Palm Oil" for "palm oil")
// ranks a little lower than the name itself.
double name_score(const std::vector<std::string>& query, const std::vector<std::string>& name) {
  const double extra = static_cast<double>(name.size() > query.size() ? name.size() - query.size() : 0);
  const double score = words_score(query, name);
  return score == 0 ? 0 : score - 0.02 * extra;
}

std::vector<std::string> synonym_for(const std::vector<std::string>& query) {
  const auto phrase = text::join(query, " ");
  for (const auto& synonym : k_synonyms) {
    if (phrase == text::join(normalize_words(synonym.word), " ")) {
      return normalize_words(synonym.good);
    }
  }
  return {};
}

}  // namespace

std::vector<LaborGood> read_goods(SQLite::Database& db) {
  std::vector<LaborGood> goods;
  SQLite::Statement query(db, "SELECT good, sector, country, region, child_labor, forced_labor, forced_child_labor, "
                              "tainted_input_country, source FROM labor_good ORDER BY good, country");
  while (query.executeStep()) {
    goods.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(), query.getColumn(2).getString(),
                     query.getColumn(3).getString(), query.getColumn(4).getInt() != 0, query.getColumn(5).getInt() != 0,
                     query.getColumn(6).getInt() != 0, query.getColumn(7).getString(), query.getColumn(8).getString()});
  }
  return goods;
}

std::vector<std::string> normalize_words(std::string_view text) {
  auto folded = text::lower(fold_accents(text));
  for (auto& c : folded) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0) {
      c = ' ';
    }
  }
  std::vector<std::string> words;
  for (const auto& word : text::split(folded, ' ')) {
    if (!word.empty()) {
      words.push_back(singular(word));
    }
  }
  return words;
}

std::vector<GoodMatch> match_goods(const std::vector<LaborGood>& goods, std::string_view product,
                                   std::string_view country) {
  const auto query = normalize_words(product);
  const auto synonym = synonym_for(query);
  std::vector<GoodMatch> matches;
  for (const auto& row : goods) {
    if (!country.empty() && !country_matches(row.country, country)) {
      continue;
    }
    const auto name = normalize_words(row.good);
    GoodMatch match{&row, name_score(query, name), ""};
    if (!synonym.empty()) {
      const double via = name_score(synonym, name) - 0.1;
      if (via > match.score) {
        match = {&row, via, text::join(synonym, " ")};
      }
    }
    if (match.score >= k_min_score) {
      matches.push_back(match);
    }
  }
  std::stable_sort(matches.begin(), matches.end(),
                   [](const GoodMatch& a, const GoodMatch& b) { return a.score > b.score; });
  // Near misses ("coca" for "cocoa") only when nothing closer was found.
  if (!matches.empty()) {
    const double best = matches.front().score;
    std::erase_if(matches, [best](const GoodMatch& m) { return m.score < best - k_score_band; });
  }
  return matches;
}

bool country_matches(std::string_view country, std::string_view query) {
  return words_score(normalize_words(query), normalize_words(country)) >= k_country_score;
}

std::vector<std::string> countries(const std::vector<LaborGood>& goods) {
  std::set<std::string> names;
  for (const auto& row : goods) {
    names.insert(row.country);
  }
  return {names.begin(), names.end()};
}

}  // namespace civic::goods
