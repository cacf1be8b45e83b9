#include "io/json_convert.h"

#include <string>

namespace quorum {

nlohmann::json ToNlohmann(simdjson::dom::element element) {
  using simdjson::dom::element_type;
  switch (element.type()) {
    case element_type::OBJECT: {
      // Copy the view out of the simdjson_result first: iterating the temporary's member
      // directly would dangle (the range-for does not extend the result's lifetime).
      const simdjson::dom::object source = element.get_object().value_unsafe();
      nlohmann::json object = nlohmann::json::object();
      for (auto [key, value] : source) object.emplace(std::string(key), ToNlohmann(value));
      return object;
    }
    case element_type::ARRAY: {
      const simdjson::dom::array source = element.get_array().value_unsafe();
      nlohmann::json array = nlohmann::json::array();
      for (simdjson::dom::element value : source) array.push_back(ToNlohmann(value));
      return array;
    }
    case element_type::STRING: return std::string(element.get_string().value_unsafe());
    case element_type::INT64: return element.get_int64().value_unsafe();
    case element_type::UINT64: return element.get_uint64().value_unsafe();
    case element_type::DOUBLE: return element.get_double().value_unsafe();
    case element_type::BOOL: return element.get_bool().value_unsafe();
    case element_type::NULL_VALUE: return nullptr;
  }
  return nullptr;
}

}  // namespace quorum
