#include "core/campaign/run_basis.hpp"

#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/util/files.hpp"
#include "core/util/text.hpp"

namespace civic::campaign {

std::string run_json(const RunBasis& b) {
  nlohmann::ordered_json j;
  j["campaign"] = b.campaign;
  j["letter_date"] = b.letter_date;
  j["bill"] = b.bill;
  j["template"] = b.template_origin;
  j["template_sha256"] = b.template_sha256;
  j["datasets"] = b.datasets;
  return j.dump(2) + "\n";
}

std::optional<RunBasis> read_run_basis(const std::filesystem::path& dir) {
  const auto text = read_file_if_exists(dir / "run.json");
  if (!text) {
    return std::nullopt;
  }
  try {
    const auto j = nlohmann::json::parse(*text);
    RunBasis b;
    b.campaign = j.at("campaign").get<std::string>();
    b.letter_date = j.at("letter_date").get<std::string>();
    b.bill = j.at("bill").get<std::string>();
    b.template_origin = j.at("template").get<std::string>();
    b.template_sha256 = j.at("template_sha256").get<std::string>();
    b.datasets = j.at("datasets").get<std::vector<std::string>>();
    if (b.letter_date.size() == 10 && parse_date(b.letter_date)) {
      return b;
    }
  } catch (const nlohmann::json::exception&) {
  }
  throw Error((dir / "run.json").string() + " is damaged").hint("remove it, or run with --force to start over");
}

std::string describe_changes(const RunBasis& before, const RunBasis& now) {
  std::vector<std::string> changes;
  if (before.campaign != now.campaign) {
    changes.push_back("the campaign's name ('" + before.campaign + "' -> '" + now.campaign + "')");
  }
  if (before.bill != now.bill) {
    changes.push_back("the bill (" + before.bill + " -> " + now.bill + ")");
  }
  if (before.template_sha256 != now.template_sha256 || before.template_origin != now.template_origin) {
    changes.push_back("the template (" + now.template_origin + ")");
  }
  if (before.datasets != now.datasets) {
    changes.push_back("the reference data ('civic data update' since the last run)");
  }
  return text::join(changes, "; ");
}

}  // namespace civic::campaign
