#include "core/me.hpp"

#include <sstream>

#include <toml++/toml.h>

#include "core/error.hpp"
#include "core/util/files.hpp"

namespace civic {
namespace {

struct Field {
  const char* section;
  const char* key;
  std::string Me::*member;
};

constexpr Field k_fields[] = {
    {"place", "latlon", &Me::latlon},       {"place", "address", &Me::address},
    {"place", "zip", &Me::zip},             {"place", "cd", &Me::cd},
    {"sender", "name", &Me::name},          {"sender", "address", &Me::postal_address},
    {"sender", "email", &Me::email},        {"sender", "phone", &Me::phone},
};

}  // namespace

Me load_me(const std::filesystem::path& file) {
  Me me;
  const auto text = read_file_if_exists(file);
  if (!text) {
    return me;
  }
  toml::table root;
  try {
    root = toml::parse(*text, file.string());
  } catch (const toml::parse_error& e) {
    throw usage_error(file.string() + ":" + std::to_string(e.source().begin.line) + ": " +
                      std::string(e.description()))
        .hint("fix the line, or set the values again with 'civic me set'");
  }
  for (const auto& field : k_fields) {
    const auto node = root[field.section][field.key];
    if (!node) {
      continue;
    }
    const auto value = node.value<std::string>();
    if (!value) {
      throw usage_error(file.string() + ":" + std::to_string(node.node()->source().begin.line) + ": '" +
                        field.section + "." + field.key + "' must be a string");
    }
    me.*field.member = *value;
  }
  return me;
}

void save_me(const std::filesystem::path& file, const Me& me) {
  toml::table root;
  for (const auto& field : k_fields) {
    if (!(me.*field.member).empty()) {
      if (!root.contains(field.section)) {
        root.insert(field.section, toml::table{});
      }
      root[field.section].as_table()->insert(field.key, me.*field.member);
    }
  }
  std::ostringstream out;
  out << "# Written by 'civic me set'. Personal details: readable by you only.\n" << root << "\n";
  ensure_private_dir(file.parent_path());
  write_file_atomic(file, out.str());
  std::filesystem::permissions(file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::replace);
}

}  // namespace civic
