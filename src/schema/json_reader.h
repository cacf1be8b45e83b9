// JsonReader: reads typed values out of an untrusted JSON document, collecting one Problem per
// key that is missing, of the wrong type or unknown, each named by its JSON path
// ("questions[2].labels"). It never throws: every type is checked before a value is read.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace quorum {

class JsonReader {
 public:
  // `source` (a file name, may be empty) becomes the location of every problem.
  explicit JsonReader(std::string_view source) : source_(source) {}

  // Records a problem at `path` (the problem's subject).
  void Report(std::string path, std::string reason);

  std::size_t problem_count() const { return problems_.size(); }
  std::vector<Problem> TakeProblems() { return std::move(problems_); }

  // "questions[2]" from "questions" and 2; "questions[2].labels" from "questions[2]" and "labels".
  static std::string Index(std::string_view path, std::size_t index);
  static std::string Member(std::string_view path, std::string_view key);

  // Each reader returns nullopt when `key` is absent from `object` (reporting it if `required`)
  // or holds the wrong type (always reported). `object` must be a JSON object.
  std::optional<std::string> String(const nlohmann::json& object, std::string_view path, std::string_view key,
                                    bool required = false);
  std::optional<bool> Bool(const nlohmann::json& object, std::string_view path, std::string_view key);
  std::optional<double> Number(const nlohmann::json& object, std::string_view path, std::string_view key);
  std::optional<std::vector<std::string>> StringArray(const nlohmann::json& object, std::string_view path,
                                                      std::string_view key);
  std::optional<std::vector<double>> NumberArray(const nlohmann::json& object, std::string_view path,
                                                 std::string_view key);
  // An array of anything: the caller reads each element.
  const nlohmann::json* Array(const nlohmann::json& object, std::string_view path, std::string_view key,
                              bool required = false);

  // Reports every key of `object` that is not in `known` as "unknown key"; keys in
  // `misplaced` (known elsewhere, not here) get `misplaced_reason` instead.
  void CheckKeys(const nlohmann::json& object, std::string_view path, const std::vector<std::string_view>& known,
                 const std::vector<std::string_view>& misplaced = {}, std::string_view misplaced_reason = "");

 private:
  // The value of `key`, or nullptr when absent (reported when `required`).
  const nlohmann::json* Find(const nlohmann::json& object, std::string_view path, std::string_view key,
                             bool required);

  std::string source_;
  std::vector<Problem> problems_;
};

}  // namespace quorum
