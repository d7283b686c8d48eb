#include "core/data/file_tree.hpp"

#include <algorithm>
#include <filesystem>

#include "core/error.hpp"
#include "core/net/http.hpp"
#include "core/util/files.hpp"
#include "core/util/text.hpp"

namespace civic::data {
namespace fs = std::filesystem;

namespace {

std::string join_path(const std::string& root, const std::string& rel) {
  if (rel.empty()) {
    return root;
  }
  if (root.empty() || root.back() == '/') {
    return root + rel;
  }
  return root + "/" + rel;
}

class DirTree final : public FileTree {
public:
  explicit DirTree(fs::path root) : m_root(std::move(root)) {}

  std::string location(const std::string& rel) const override { return (m_root / rel).lexically_normal().string(); }

  std::optional<std::string> read_if_exists(const std::string& rel) override {
    const auto path = m_root / rel;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
      return std::nullopt;
    }
    return read_file(path);
  }

  std::vector<std::string> list(const std::string& rel, EntryKind kind) override {
    std::vector<std::string> names;
    std::error_code ec;
    for (fs::directory_iterator it(m_root / rel, ec), end; !ec && it != end; it.increment(ec)) {
      const bool is_dir = it->is_directory(ec);
      if (is_dir == (kind == EntryKind::directory)) {
        names.push_back(it->path().filename().string());
      }
    }
    std::sort(names.begin(), names.end());
    return names;
  }

private:
  fs::path m_root;
};

class HttpTree final : public FileTree {
public:
  HttpTree(std::string base, HttpClient& http) : m_base(std::move(base)), m_http(http) {}

  std::string location(const std::string& rel) const override { return join_path(m_base, rel); }

  std::optional<std::string> read_if_exists(const std::string& rel) override {
    auto response = get(location(rel));
    if (response.status == 404) {
      return std::nullopt;
    }
    return std::move(response.body);
  }

  std::vector<std::string> list(const std::string& rel, EntryKind kind) override {
    auto url = location(rel);
    if (url.back() != '/') {
      url += '/';
    }
    const auto response = get(url);
    std::vector<std::string> names;
    if (response.status == 404) {
      return names;
    }
    for (auto& name : parse_directory_listing(response.body)) {
      const bool is_dir = name.back() == '/';
      if (is_dir == (kind == EntryKind::directory)) {
        names.push_back(is_dir ? name.substr(0, name.size() - 1) : name);
      }
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
  }

private:
  HttpResponse get(const std::string& url) {
    HttpRequest request;
    request.url = url;
    auto response = m_http.send(request);
    if (!response.ok() && response.status != 404) {
      throw Error("HTTP " + std::to_string(response.status) + " from " + url)
          .hint("check that the mirror is up and serves the layout described in reps-data/README.md");
    }
    return response;
  }

  std::string m_base;
  HttpClient& m_http;
};

std::string percent_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::string FileTree::read(const std::string& rel) {
  if (auto content = read_if_exists(rel)) {
    return std::move(*content);
  }
  throw Error("missing file " + location(rel)).hint("is the mirror complete? compare it with reps-data/README.md");
}

bool is_url(const std::string& location) {
  return location.rfind("http://", 0) == 0 || location.rfind("https://", 0) == 0;
}

std::unique_ptr<FileTree> open_tree(const std::string& root, HttpClient& http) {
  if (is_url(root)) {
    return std::make_unique<HttpTree>(root, http);
  }
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    throw Error("data source " + root + " is not a directory or an http:// URL")
        .hint("pass --from with a mirror directory such as ../shared/reps-data");
  }
  return std::make_unique<DirTree>(fs::absolute(root).lexically_normal());
}

namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Every href="..." (or '...') of `html`, in order, up to a # or ?; the
// attribute name in any case.
std::vector<std::string> hrefs(std::string_view html) {
  std::vector<std::string> out;
  for (std::size_t at = 0; at + 4 <= html.size(); ++at) {
    if (!text::starts_with_ci(html.substr(at, 4), "href")) {
      continue;
    }
    auto i = at + 4;
    while (i < html.size() && space(html[i])) {
      ++i;
    }
    if (i >= html.size() || html[i] != '=') {
      continue;
    }
    ++i;
    while (i < html.size() && space(html[i])) {
      ++i;
    }
    if (i >= html.size() || (html[i] != '"' && html[i] != '\'')) {
      continue;
    }
    const auto start = ++i;
    while (i < html.size() && html[i] != '"' && html[i] != '\'' && html[i] != '#' && html[i] != '?') {
      ++i;
    }
    if (i < html.size() && (html[i] == '"' || html[i] == '\'') && i > start) {
      out.emplace_back(html.substr(start, i - start));
    }
    at = i;
  }
  return out;
}

}  // namespace

std::vector<std::string> parse_directory_listing(const std::string& html) {
  std::vector<std::string> names;
  for (const auto& href : hrefs(html)) {
    auto name = percent_decode(href);
    if (name.rfind("./", 0) == 0) {
      name = name.substr(2);
    }
    const auto slash = name.find('/');
    const bool leaves_folder = name.empty() || name[0] == '/' || name.rfind("..", 0) == 0 ||
                               name.find("://") != std::string::npos ||
                               (slash != std::string::npos && slash + 1 != name.size());
    if (!leaves_folder) {
      names.push_back(name);
    }
  }
  return names;
}

}  // namespace civic::data
