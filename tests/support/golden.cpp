#include "support/golden.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/util/files.hpp"
#include "support/test_env.hpp"

namespace civic::test {
namespace fs = std::filesystem;

namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

// "reps --state WA -> 2" → command "reps --state WA", exit 2.
void parse_test_line(const std::string& line, GoldenCase& test) {
  std::string rest = line.substr(5);
  const auto arrow = rest.rfind(" -> ");
  if (arrow != std::string::npos) {
    test.exit_code = std::stoi(rest.substr(arrow + 4));
    rest = rest.substr(0, arrow);
  }
  test.command = rest;
}

}  // namespace

std::vector<std::string> split_command(const std::string& command) {
  std::vector<std::string> args;
  std::string current;
  bool in_word = false;
  char quote = 0;
  for (char c : command) {
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else {
        current += c;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
      in_word = true;
    } else if (c == ' ') {
      if (in_word) {
        args.push_back(current);
        current.clear();
        in_word = false;
      }
    } else {
      current += c;
      in_word = true;
    }
  }
  if (in_word) {
    args.push_back(current);
  }
  return args;
}

GoldenFile parse_golden(const std::string& text, const std::string& name) {
  GoldenFile file;
  std::istringstream lines(text);
  std::string line;
  std::size_t number = 0;
  GoldenCase* current = nullptr;
  bool in_error = false;
  while (std::getline(lines, line)) {
    ++number;
    if (current == nullptr) {
      if (line.rfind("test ", 0) == 0) {
        file.cases.emplace_back();
        current = &file.cases.back();
        current->line = number;
        parse_test_line(line, *current);
        in_error = false;
      } else if (file.cases.empty()) {
        file.header.push_back(line);
      } else if (!line.empty()) {
        throw std::runtime_error(name + ":" + std::to_string(number) + ": text between cases");
      }
    } else if (line == "end test") {
      current = nullptr;
    } else if (line == "__ERROR__") {
      in_error = true;
    } else {
      (in_error ? current->err : current->out) += line + "\n";
    }
  }
  if (current != nullptr) {
    throw std::runtime_error(name + ": the last case has no 'end test'");
  }
  return file;
}

std::string format_golden(const GoldenFile& file) {
  std::string out;
  for (const auto& line : file.header) {
    out += line + "\n";
  }
  for (std::size_t i = 0; i < file.cases.size(); ++i) {
    const auto& test = file.cases[i];
    if (i > 0) {
      out += "\n";
    }
    out += "test " + test.command + (test.exit_code != 0 ? " -> " + std::to_string(test.exit_code) : "") + "\n";
    out += test.out;
    if (!test.err.empty()) {
      out += "__ERROR__\n" + test.err;
    }
    out += "end test\n";
  }
  return out;
}

std::vector<std::string> run_golden(const fs::path& path, bool update) {
  auto file = parse_golden(read_file(path), path.filename().string());
  World world;
  const auto fixtures = fixtures_dir().string();
  const auto tmp = world.dir.path().string();
  const auto substitute = [&](const std::string& text) {
    return replace_all(replace_all(text, "$FIXTURES", fixtures), "$TMP", tmp);
  };
  const auto unsubstitute = [&](const std::string& text) {
    return replace_all(replace_all(text, tmp, "$TMP"), fixtures, "$FIXTURES");
  };
  for (const auto& line : file.header) {
    if (line.rfind("# now: ", 0) == 0) {
      world.clock.set(*parse_utc_timestamp(line.substr(7)));
    } else if (line.rfind("# env: ", 0) == 0) {
      const auto assignment = line.substr(7);
      const auto eq = assignment.find('=');
      world.vars[assignment.substr(0, eq)] = substitute(assignment.substr(eq + 1));
    } else if (line == "# fixtures: mini") {
      load_mini_mirror(world);
    }
  }
  std::vector<std::string> failures;
  for (auto& test : file.cases) {
    auto args = split_command(test.command);
    for (auto& arg : args) {
      arg = substitute(arg);
    }
    const auto result = run_cli(world, args);
    const auto out = unsubstitute(result.out);
    const auto err = unsubstitute(result.err);
    if (update) {
      test.out = out;
      test.err = err;
      test.exit_code = result.code;
      continue;
    }
    if (out != test.out || err != test.err || result.code != test.exit_code) {
      std::ostringstream report;
      report << path.filename().string() << ":" << test.line << ": civic " << test.command << "\n"
             << "  exit: expected " << test.exit_code << ", got " << result.code << "\n";
      if (out != test.out) {
        report << "  stdout expected:\n" << test.out << "  stdout got:\n" << out;
      }
      if (err != test.err) {
        report << "  stderr expected:\n" << test.err << "  stderr got:\n" << err;
      }
      failures.push_back(report.str());
    }
  }
  if (update) {
    write_file_atomic(path, format_golden(file));
  }
  return failures;
}

}  // namespace civic::test
