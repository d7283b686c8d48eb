#pragma once
// campaign.toml: a letter drive as a file an organizer keeps, reruns and
// audits. Keys are checked strictly (an unknown key names its line and the
// closest known one), so a campaign means the same thing in every version.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/letters/recipient.hpp"
#include "core/reps/model.hpp"
#include "core/vocabulary.hpp"

namespace civic::campaign {

// bundle = "office": one file per target office besides (or instead of) one per letter.
enum class Bundle { none, office };

struct Campaign {
  std::filesystem::path file;  // the campaign.toml read
  std::string name;
  std::string bill;
  Stance stance = Stance::support;
  Channel channel = Channel::letter;   // letter | email | form | call
  std::vector<LetterFormat> formats;   // eml for emails only
  Bundle bundle = Bundle::none;
  bool letter_files = true;            // false: only the office bundles
  std::optional<reps::Level> level;    // nullopt: every level (or the officials named)
  std::vector<std::string> officials;  // explicit official ids, when targets names them
  letters::OfficeChoice office = letters::OfficeChoice::district;
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
