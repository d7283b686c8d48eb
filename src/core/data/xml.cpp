#include "core/data/xml.hpp"

#include "core/modules/files.hpp"

namespace civic::data {

const XmlElement* XmlElement::find(std::string_view child) const {
  for (const auto& element : children) {
    if (element.name == child) {
      return &element;
    }
  }
  return nullptr;
}

std::string XmlElement::child_text(std::string_view child) const {
  const auto* element = find(child);
  return element == nullptr ? std::string() : element->text;
}

std::string XmlElement::attribute(std::string_view attribute_name) const {
  for (const auto& [key, value] : attributes) {
    if (key == attribute_name) {
      return value;
    }
  }
  return "";
}

XmlElement parse_xml(std::string_view content, const std::string& name) {
  return files_module().parse_xml(content, name);
}

}  // namespace civic::data
