// Test-only: a real SQLite store in a temporary directory, projects made from schemas or
// templates, rows imported with the real importer, and exports captured as strings.
#pragma once

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "core/test_builders.h"
#include "export/training_export.h"
#include "io/byte_source.h"
#include "io/importer.h"
#include "schema/templates.h"
#include "store/fresh_test_store.h"
#include "store/store_test_support.h"

namespace quorum::testing {

class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Store>> opened = OpenFreshTestStore(dir_.path(), clock_);
    ASSERT_TRUE(opened.ok()) << opened.error().ToString();
    store_ = std::move(opened).value();
    workspace_ = store_->CreateWorkspace("w")->id;
  }

  Project MakeProject(const Schema& schema) {
    Project project;
    project.workspace_id = workspace_;
    project.name = "fixture";
    project.schema = schema;
    return store_->CreateProject(project).value();
  }

  Project MakeTemplateProject(std::string_view name) { return MakeProject(LoadTemplate(name).value().schema); }

  // Imports native JSON Lines rows, creating the annotators named in responses.
  void Import(const Project& project, std::string rows) {
    ImportOptions options;
    options.create_users = true;
    Result<ImportReport> report = ImportRecords(*store_, project, StringSource(std::move(rows), "fixture"), options, clock_);
    ASSERT_TRUE(report.ok()) << report.error().ToString();
  }

  // The export as text, with the summary in `summary` when given.
  std::string Export(const Project& project, const ExportPolicy& policy, ExportSummary* summary = nullptr) {
    std::string out;
    std::unique_ptr<ByteSink> sink = StringSink(out);
    Result<ExportSummary> result = ExportTraining(*store_, project, policy, *sink);
    EXPECT_TRUE(result.ok()) << result.error().ToString();
    if (result.ok() && summary != nullptr) *summary = *result;
    return out;
  }

  static ExportPolicy Policy(TrainingFormat format) {
    ExportPolicy policy;
    policy.format = format;
    return policy;
  }

  static std::vector<std::string> Lines(const std::string& text) {
    std::vector<std::string> lines;
    std::stringstream stream(text);
    for (std::string line; std::getline(stream, line);) lines.push_back(line);
    return lines;
  }

  int64_t UserId(const std::string& email) { return store_->FindUserByEmail(email).value().id; }

  TempDir dir_;
  FakeClock clock_;
  std::unique_ptr<Store> store_;
  int64_t workspace_ = 0;
};

// The hand-worked fixtures. Every expected output in the tests is derived from these by hand.

// prompt/response_a/response_b; preference (three_way), quality (rating 1..5), rewrite (text).
inline Schema PreferenceSchema() {
  Schema schema;
  schema.fields = {builders::Field("prompt", FieldKind::kText), builders::Field("response_a", FieldKind::kText),
                   builders::Field("response_b", FieldKind::kText)};
  schema.questions = {
      builders::WithOptions(builders::Question("preference", QuestionKind::kPreference, false),
                            {"response_a", "response_b"}, PreferenceScale::kThreeWay),
      builders::Rating("quality", {1, 2, 3, 4, 5}, false),
      builders::Question("rewrite", QuestionKind::kText, false)};
  return schema;
}

// Annotators ann1..ann4. Per record (preference votes; quality ratings; rewrites):
//   r1  A A B     (A 2/3: kept)     5 4 2 (desirable 2/3)   ann1 "better 1"
//   r2  A B       (level: tie)      4 3   (level: tie)
//   r3  B B A tie (B 2/4 < 0.6)
//   r4  B B B     (B 3/3)           1 2 1 (undesirable 3/3) ann2 "better 4a", ann3 "better 4b"
//   r5  A A, gold answer A (gold: left out by default)
//   r6  no responses
//   r7  tie       ("tie" wins)
//   r8  A as a draft only
inline const char* kPreferenceRows = R"(
{"id":"r1","fields":{"prompt":"p1","response_a":"a1","response_b":"b1"},"responses":[{"user":"ann1@x.org","values":{"preference":"response_a","quality":5,"rewrite":"better 1"},"status":"submitted"},{"user":"ann2@x.org","values":{"preference":"response_a","quality":4},"status":"submitted"},{"user":"ann3@x.org","values":{"preference":"response_b","quality":2},"status":"submitted"}]}
{"id":"r2","fields":{"prompt":"p2","response_a":"a2","response_b":"b2"},"responses":[{"user":"ann1@x.org","values":{"preference":"response_a","quality":4},"status":"submitted"},{"user":"ann2@x.org","values":{"preference":"response_b","quality":3},"status":"submitted"}]}
{"id":"r3","fields":{"prompt":"p3","response_a":"a3","response_b":"b3"},"responses":[{"user":"ann1@x.org","values":{"preference":"response_b"},"status":"submitted"},{"user":"ann2@x.org","values":{"preference":"response_b"},"status":"submitted"},{"user":"ann3@x.org","values":{"preference":"response_a"},"status":"submitted"},{"user":"ann4@x.org","values":{"preference":"tie"},"status":"submitted"}]}
{"id":"r4","fields":{"prompt":"p4","response_a":"a4","response_b":"b4"},"responses":[{"user":"ann1@x.org","values":{"preference":"response_b","quality":1},"status":"submitted"},{"user":"ann2@x.org","values":{"preference":"response_b","quality":2,"rewrite":"better 4a"},"status":"submitted"},{"user":"ann3@x.org","values":{"preference":"response_b","quality":1,"rewrite":"better 4b"},"status":"submitted"}]}
{"id":"r5","fields":{"prompt":"p5","response_a":"a5","response_b":"b5"},"gold":{"preference":"response_a"},"responses":[{"user":"ann1@x.org","values":{"preference":"response_a"},"status":"submitted"},{"user":"ann2@x.org","values":{"preference":"response_a"},"status":"submitted"}]}
{"id":"r6","fields":{"prompt":"p6","response_a":"a6","response_b":"b6"}}
{"id":"r7","fields":{"prompt":"p7","response_a":"a7","response_b":"b7"},"responses":[{"user":"ann1@x.org","values":{"preference":"tie"},"status":"submitted"}]}
{"id":"r8","fields":{"prompt":"p8","response_a":"a8","response_b":"b8"},"responses":[{"user":"ann1@x.org","values":{"preference":"response_a"},"status":"draft"}]}
)";

// best-of-n-ranking template (prompt, response_1..4). Mean positions 0.33, 1, 1.67, 3: order
// 1 2 3 4. Pairs: 1>2 2/3, 1>3 3/3, 1>4 3/3, 2>3 2/3, 2>4 3/3, 3>4 3/3.
inline const char* kRankingRows = R"(
{"id":"k1","fields":{"prompt":"rank me","response_1":"one","response_2":"two","response_3":"three","response_4":"four"},"responses":[{"user":"ann1@x.org","values":{"ranking":["response_1","response_2","response_3","response_4"]},"status":"submitted"},{"user":"ann2@x.org","values":{"ranking":["response_1","response_3","response_2","response_4"]},"status":"submitted"},{"user":"ann3@x.org","values":{"ranking":["response_2","response_1","response_3","response_4"]},"status":"submitted"}]}
)";

// prompt is a chat (multi-turn), response_a/response_b texts; binary preference.
inline Schema ChatPreferenceSchema() {
  Schema schema;
  schema.fields = {builders::Field("prompt", FieldKind::kChat), builders::Field("response_a", FieldKind::kText),
                   builders::Field("response_b", FieldKind::kText)};
  schema.questions = {builders::WithOptions(builders::Question("preference", QuestionKind::kPreference),
                                            {"response_a", "response_b"})};
  return schema;
}

inline const char* kChatPreferenceRows = R"(
{"id":"c1","fields":{"prompt":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"},{"role":"user","content":"Tell a joke"}],"response_a":"joke A","response_b":"joke B"},"responses":[{"user":"ann1@x.org","values":{"preference":"response_b"},"status":"submitted"},{"user":"ann2@x.org","values":{"preference":"response_b"},"status":"submitted"}]}
)";

// dialogue-rating template (conversation chat; quality 1..7; safe label). KTO threshold 5.
inline const char* kDialogueRows = R"(
{"id":"d1","fields":{"conversation":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!"},{"role":"user","content":"Capital of France?"},{"role":"assistant","content":"Paris."}]},"responses":[{"user":"ann1@x.org","values":{"quality":6,"safe":"safe"},"status":"submitted"},{"user":"ann2@x.org","values":{"quality":7,"safe":"safe"},"status":"submitted"}]}
{"id":"d2","fields":{"conversation":[{"role":"user","content":"2+2?"},{"role":"assistant","content":"5"}]},"responses":[{"user":"ann1@x.org","values":{"quality":2,"safe":"unsafe"},"status":"submitted"}]}
)";

}  // namespace quorum::testing
