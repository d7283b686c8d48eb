// Part of the civic_files module: XML through libxml2, as a plain tree.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>

#include "core/data/xml.hpp"
#include "core/error.hpp"
#include "core/modules/files.hpp"
#include "core/util/text.hpp"

namespace civic::data {
namespace {

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

XmlElement convert(xmlNode* node) {
  XmlElement element;
  element.name = reinterpret_cast<const char*>(node->name);
  element.line = xmlGetLineNo(node);
  for (xmlAttr* attribute = node->properties; attribute != nullptr; attribute = attribute->next) {
    xmlChar* value = xmlNodeListGetString(node->doc, attribute->children, 1);
    element.attributes.emplace_back(reinterpret_cast<const char*>(attribute->name),
                                    value != nullptr ? reinterpret_cast<const char*>(value) : "");
    xmlFree(value);
  }
  std::string text;
  for (xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) {
      element.children.push_back(convert(child));
    } else if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) && child->content != nullptr) {
      text += reinterpret_cast<const char*>(child->content);
    }
  }
  element.text = std::string(text::trim(text));
  return element;
}

}  // namespace

XmlElement module_impl::parse_xml_tree(std::string_view content, const std::string& name) {
  xmlResetLastError();
  // No network, no entity expansion from outside: the file is data.
  std::unique_ptr<xmlDoc, DocFree> doc(xmlReadMemory(content.data(), static_cast<int>(content.size()), name.c_str(),
                                                     nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc) {
    const xmlError* error = xmlGetLastError();
    const std::string message =
        error != nullptr && error->message != nullptr ? std::string(text::trim(error->message)) : "";
    throw Error(name + ":" + std::to_string(error != nullptr ? error->line : 0) + ": malformed XML" +
                (message.empty() ? "" : ": " + message));
  }
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr) {
    throw Error(name + ": an XML file with no root element");
  }
  return convert(root);
}

}  // namespace civic::data
