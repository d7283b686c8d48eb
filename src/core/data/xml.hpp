#pragma once
// XML documents as a plain tree of elements, read by libxml2 in the
// civic_files module (see core/modules/loader.hpp).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace civic::data {

struct XmlElement {
  std::string name;
  std::string text;  // the element's own text, trimmed
  long line = 0;
  std::vector<std::pair<std::string, std::string>> attributes;  // in document order
  std::vector<XmlElement> children;

  // The attribute's value; "" when absent.
  std::string attribute(std::string_view attribute_name) const;

  // The first child named `child`, or nullptr.
  const XmlElement* find(std::string_view child) const;
  // The trimmed text of the first child named `child`; "" when there is none.
  std::string child_text(std::string_view child) const;
};

// Throws an Error naming `name` and the line when the XML is malformed.
XmlElement parse_xml(std::string_view content, const std::string& name);

}  // namespace civic::data
