#pragma once
// yaml-cpp with errors that name the file, line and column.

#include <string>

#include <yaml-cpp/yaml.h>

namespace civic::data {

// Parses a document; throws civic::Error "<where>:<line>:<col>: malformed YAML".
YAML::Node parse_yaml(const std::string& text, const std::string& where);

// The scalar at `key` as text; "" when absent, null or not a scalar.
std::string scalar(const YAML::Node& node, const char* key);

// "file:line" for a node, 1-based.
std::string position(const std::string& file, const YAML::Node& node);

}  // namespace civic::data
