#pragma once
// campaign.toml: a letter drive as a file an organizer keeps, reruns and
// audits. Keys are checked strictly (an unknown key names its line and the
// closest known one), so a campaign means the same thing in every version.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace civic::campaign {

struct Campaign {
  std::filesystem::path file;  // the campaign.toml read
  std::string name;
  std::string bill;
  std::string stance;
  std::string channel;
  std::vector<std::string> formats;    // txt | md | html | pdf | eml (emails)
  std::string bundle = "none";         // none | office: also one file per target office
  bool letter_files = true;            // false: only the office bundles
  std::string level;                   // federal | state | all ("" with explicit officials)
  std::vector<std::string> officials;  // explicit official ids, when targets names them
  std::string office;                  // district | capitol
  std::filesystem::path output;        // resolved against the campaign file's folder
  std::optional<std::filesystem::path> template_file;
  std::filesystem::path supporters;
  std::string id_column;
  std::map<std::string, std::string> columns;  // field -> CSV column, the template's own fields too
};

// The fields [supporters.columns] knows; any other it maps is the template's own.
const std::vector<std::string>& supporter_fields();
bool is_supporter_field(const std::string& field);

// Throws a usage Error naming file:line:column for anything wrong.
Campaign load_campaign(const std::filesystem::path& file);

// The commented example `civic campaign init` writes.
std::string example_campaign();

}  // namespace civic::campaign
