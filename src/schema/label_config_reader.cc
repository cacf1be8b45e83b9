#include "schema/label_config_reader.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "core/problem_text.h"

namespace quorum {
namespace {

std::string Lower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

}  // namespace

pugi::xml_attribute Attribute(pugi::xml_node node, std::string_view name) {
  const std::string wanted = Lower(name);
  for (pugi::xml_attribute attribute : node.attributes())
    if (Lower(attribute.name()) == wanted) return attribute;
  return {};
}

std::string LabelConfigReader::LocationAt(std::ptrdiff_t offset) const {
  const std::size_t end = std::min<std::size_t>(offset < 0 ? 0 : static_cast<std::size_t>(offset), xml_.size());
  int64_t line = 1;
  int64_t column = 1;
  for (std::size_t index = 0; index < end; ++index) {
    const unsigned char byte = static_cast<unsigned char>(xml_[index]);
    if (byte == '\n') {
      ++line;
      column = 1;
    } else if ((byte & 0xC0) != 0x80) {  // continuation bytes belong to the code point before
      ++column;
    }
  }
  return source_ + ":" + std::to_string(line) + ":" + std::to_string(column);
}

std::string LabelConfigReader::Location(pugi::xml_node node) const {
  // offset_debug() points at the tag's name; the tag starts at the '<' before it.
  return LocationAt(node.offset_debug() - 1);
}

std::string LabelConfigReader::LineColumn(pugi::xml_node node) const {
  std::string location = Location(node);
  return location.substr(source_.size() + 1);
}

std::string LabelConfigReader::TagSubject(pugi::xml_node node) {
  std::string subject = "<" + std::string(node.name());
  if (pugi::xml_attribute name = Attribute(node, "name")) subject += " name=\"" + std::string(name.value()) + "\"";
  return subject + ">";
}

void LabelConfigReader::Report(pugi::xml_node node, std::string reason) {
  problems_.push_back(Problem{Location(node), TagSubject(node), std::move(reason)});
}

std::optional<bool> LabelConfigReader::Bool(pugi::xml_node node, const char* attribute) {
  pugi::xml_attribute found = Attribute(node, attribute);
  if (!found) return std::nullopt;
  const std::string value = Lower(found.value());
  if (value == "true") return true;
  if (value == "false") return false;
  Report(node, std::string(attribute) + " must be true or false, got " + Quoted(found.value()));
  return std::nullopt;
}

std::optional<double> LabelConfigReader::Number(pugi::xml_node node, const char* attribute) {
  pugi::xml_attribute found = Attribute(node, attribute);
  if (!found) return std::nullopt;
  std::string_view text = found.value();
  double number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error == std::errc() && end == text.data() + text.size() && !text.empty() && std::isfinite(number))
    return number;
  Report(node, std::string(attribute) + " must be a number, got " + Quoted(text));
  return std::nullopt;
}

}  // namespace quorum
