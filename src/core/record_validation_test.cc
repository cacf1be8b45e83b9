// ValidateRecordFields and ValidateMetadata, table-driven.
#include <gtest/gtest.h>

#include "core/test_builders.h"
#include "core/validation.h"

namespace quorum {
namespace {

using builders::Field;
using builders::Metadata;
using builders::SubjectsAndReasons;

Schema RecordSchema() {
  Schema schema;
  schema.fields = {Field("prompt", FieldKind::kMarkdown), Field("text", FieldKind::kText, false),
                   Field("chat", FieldKind::kChat, false), Field("image", FieldKind::kImageUrl, false)};
  MetadataProperty model = Metadata("model", MetadataKind::kTerms);
  model.terms = {"gpt", "llama"};
  MetadataProperty turns = Metadata("turns", MetadataKind::kInteger);
  turns.min = 1;
  turns.max = 10;
  MetadataProperty score = Metadata("score", MetadataKind::kFloat);
  score.min = 0;
  schema.metadata = {model, turns, score, Metadata("source", MetadataKind::kTerms)};
  return schema;
}

struct RecordCase {
  std::string name;
  std::string json;
  std::vector<std::string> expected;  // "subject: reason"
};

const std::vector<RecordCase>& FieldCases() {
  static const std::vector<RecordCase> kCases = {
      {"OnlyRequired", R"({"prompt": "Hi"})", {}},
      {"EveryKind",
       R"({"prompt": "# Hi", "text": "plain", "image": "https://example.com/a.png",
           "chat": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": ""}]})",
       {}},
      {"OptionalNull", R"({"prompt": "Hi", "text": null})", {}},
      {"MissingRequired", R"({"text": "x"})", {"field 'prompt': missing required field"}},
      {"RequiredNull", R"({"prompt": null})", {"field 'prompt': missing required field"}},
      {"WrongType", R"({"prompt": 42})", {"field 'prompt': expected a string, got number"}},
      {"Undeclared", R"({"prompt": "Hi", "foo": 1})", {"unknown field 'foo'"}},
      {"NotAnObject", R"(["Hi"])", {"fields: expected an object of field values, got array"}},
      {"ChatNotArray", R"({"prompt": "Hi", "chat": "user: hi"})",
       {"field 'chat': expected an array of chat messages, got string"}},
      {"ChatEmptyRole", R"({"prompt": "Hi", "chat": [{"role": "", "content": "x"}]})",
       {"field 'chat': message 0: role is empty"}},
      {"ChatMissingContent", R"({"prompt": "Hi", "chat": [{"role": "user", "content": "a"}, {"role": "user"}]})",
       {"field 'chat': message 1: missing \"content\""}},
      {"ChatContentType", R"({"prompt": "Hi", "chat": [{"role": "user", "content": 3}]})",
       {"field 'chat': message 0: content: expected a string, got number"}},
      {"ChatMessageNotObject", R"({"prompt": "Hi", "chat": ["hello"]})",
       {"field 'chat': message 0: expected an object with role and content, got string"}},
      {"ChatExtraKeysKept", R"({"prompt": "Hi", "chat": [{"role": "tool", "content": "{}", "name": "search"}]})", {}},
      {"ImageHttp", R"({"prompt": "Hi", "image": "http://x.org/a.jpg"})", {}},
      {"ImageUpperCaseScheme", R"({"prompt": "Hi", "image": "HTTPS://x.org/a.jpg"})", {}},
      {"ImageDataUrl", R"({"prompt": "Hi", "image": "data:image/png;base64,iVBORw0KGgo="})", {}},
      {"ImageJavascript", R"j({"prompt": "Hi", "image": "javascript:alert(1)"})j",
       {"field 'image': expected an http://, https:// or data:image/ URL, got 'javascript:alert(1)'"}},
      {"ImageDataNotImage", R"({"prompt": "Hi", "image": "data:text/html,<b>x</b>"})",
       {"field 'image': expected an http://, https:// or data:image/ URL, got 'data:text/html,<b>x</b>'"}},
      {"ImageBarePrefix", R"({"prompt": "Hi", "image": "https://"})",
       {"field 'image': expected an http://, https:// or data:image/ URL, got 'https://'"}},
      {"ImageNotString", R"({"prompt": "Hi", "image": {"url": "https://x"}})",
       {"field 'image': expected a string, got object"}},
      {"SeveralProblems", R"({"text": 1, "zzz": 2})",
       {"field 'prompt': missing required field", "field 'text': expected a string, got number",
        "unknown field 'zzz'"}},
  };
  return kCases;
}

const std::vector<RecordCase>& MetadataCases() {
  static const std::vector<RecordCase> kCases = {
      {"Valid", R"({"model": "gpt", "turns": 3, "score": 0.7, "source": "anything"})", {}},
      {"NullMetadata", "null", {}},
      {"UndeclaredAllowed", R"({"batch": [1, 2]})", {}},
      {"NullValueAllowed", R"({"model": null})", {}},
      {"TermNotListed", R"({"model": "claude"})", {"metadata 'model': term 'claude' is not one of: gpt, llama"}},
      {"TermWrongType", R"({"source": 5})", {"metadata 'source': expected a string, got number"}},
      {"IntegerFraction", R"({"turns": 2.5})", {"metadata 'turns': expected an integer, got 2.5"}},
      {"IntegerWrittenAsFloat", R"({"turns": 2.0})", {}},
      {"IntegerString", R"({"turns": "2"})", {"metadata 'turns': expected an integer, got string"}},
      {"IntegerBelowMin", R"({"turns": 0})", {"metadata 'turns': value 0 is below the minimum 1"}},
      {"IntegerAboveMax", R"({"turns": 11})", {"metadata 'turns': value 11 is above the maximum 10"}},
      {"FloatBelowMin", R"({"score": -0.5})", {"metadata 'score': value -0.5 is below the minimum 0"}},
      {"FloatBoolean", R"({"score": true})", {"metadata 'score': expected a number, got boolean"}},
      {"NotAnObject", R"("gpt")", {"metadata: expected an object, got string"}},
  };
  return kCases;
}

class RecordFieldsTest : public ::testing::TestWithParam<RecordCase> {};

TEST_P(RecordFieldsTest, GivesTheExpectedProblems) {
  std::vector<Problem> problems = ValidateRecordFields(RecordSchema(), nlohmann::json::parse(GetParam().json), "data.jsonl:7");
  for (const Problem& problem : problems) EXPECT_EQ(problem.location, "data.jsonl:7");
  EXPECT_EQ(SubjectsAndReasons(problems), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Fields, RecordFieldsTest, ::testing::ValuesIn(FieldCases()),
                         [](const ::testing::TestParamInfo<RecordCase>& info) { return info.param.name; });

class MetadataTest : public ::testing::TestWithParam<RecordCase> {};

TEST_P(MetadataTest, GivesTheExpectedProblems) {
  std::vector<Problem> problems = ValidateMetadata(RecordSchema(), nlohmann::json::parse(GetParam().json), "record ext-1");
  for (const Problem& problem : problems) EXPECT_EQ(problem.location, "record ext-1");
  EXPECT_EQ(SubjectsAndReasons(problems), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Metadata, MetadataTest, ::testing::ValuesIn(MetadataCases()),
                         [](const ::testing::TestParamInfo<RecordCase>& info) { return info.param.name; });

TEST(RecordFields, QuotesLongValuesShortly) {
  std::string url = "ftp://" + std::string(100000, 'a');
  std::vector<Problem> problems = ValidateRecordFields(RecordSchema(), {{"prompt", "x"}, {"image", url}}, "");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_LT(problems[0].reason.size(), 150u);
  EXPECT_NE(problems[0].reason.find("...'"), std::string::npos);
}

}  // namespace
}  // namespace quorum
