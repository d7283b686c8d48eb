#pragma once
// The user's own place and sender details, kept in me.toml beside the
// config file (mode 0600: it is personal). Later commands use them:
// `civic reps --me`, letters' sender block.

#include <filesystem>
#include <string>

namespace civic {

struct Me {
  // The place: one of these, most precise first.
  std::string latlon;   // "47.6062,-122.3321"
  std::string address;  // a street address, geocoded when used
  std::string zip;
  std::string cd;       // a pinned congressional district GEOID: settles a split ZIP
  // The sender.
  std::string name;
  std::string postal_address;
  std::string email;
  std::string phone;

  bool has_place() const { return !latlon.empty() || !address.empty() || !zip.empty(); }
};

// An empty Me when the file does not exist; throws a usage Error naming the
// file and line when it is malformed.
Me load_me(const std::filesystem::path& file);
// Writes atomically, readable by the owner only.
void save_me(const std::filesystem::path& file, const Me& me);

}  // namespace civic
