// Test-only helpers for the distribution tests: a store fixture with a Distributor, records
// with gold, priority and requirements, and annotators with tiers.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dist/distributor.h"
#include "store/store_test_support.h"

namespace quorum::testing {

struct RecordSpec {
  std::string metadata_json = "{}";
  std::string gold_json = "{}";
  double priority = 0;
};

class DistTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    workspace_ = NewWorkspace();
    project_ = NewProject(workspace_);
    distributor_ = std::make_unique<Distributor>(*store_, clock_);
  }

  // Sets the project's settings (the distribution keys among them).
  void Settings(const nlohmann::json& settings) {
    Project project = store_->GetProject(project_).value();
    project.settings = settings;
    ASSERT_TRUE(store_->UpdateProject(project).ok());
  }

  Project CurrentProject() { return store_->GetProject(project_).value(); }

  std::vector<int64_t> AddRecords(const std::vector<RecordSpec>& specs) {
    std::vector<int64_t> ids;
    std::unique_ptr<ImportBatch> batch = store_->BeginImport(project_).value();
    for (const RecordSpec& spec : specs) {
      const std::string external_id = "e" + std::to_string(next_external_++);
      const std::string fields = R"({"prompt":")" + external_id + R"("})";
      RecordRow row{external_id, fields, spec.metadata_json, spec.gold_json, spec.priority, 0};
      ids.push_back(batch->PutRecord(row, OnDuplicate::kRefuse).value());
    }
    EXPECT_TRUE(batch->Commit().ok());
    return ids;
  }
  std::vector<int64_t> AddPlainRecords(int count) { return AddRecords(std::vector<RecordSpec>(count)); }

  User Annotator(const std::string& email, int tier = 0, std::vector<std::string> specializations = {}) {
    User user;
    user.email = email;
    user.name = email;
    user.tier = tier;
    user.specializations = std::move(specializations);
    return store_->CreateUser(user).value();
  }

  // The id of the user's next record, 0 when there is none.
  int64_t NextId(const User& user) {
    Result<NextOutcome> next = distributor_->Next(CurrentProject(), user);
    EXPECT_TRUE(next.ok()) << next.error().ToString();
    return next.ok() && next->assignment ? next->assignment->record.id : 0;
  }

  Result<Response> Answer(const User& user, int64_t record_id, ResponseStatus status = ResponseStatus::kSubmitted) {
    Record record = store_->GetRecord(record_id).value();
    std::optional<Response> existing = store_->FindResponse(record_id, user.id).value();
    Response response = existing.value_or(Response{});
    response.record_id = record_id;
    response.user_id = user.id;
    response.values = {{"quality", "good"}};
    response.status = status;
    return distributor_->Save(CurrentProject(), record, response, user.id, /*handed_out_only=*/false);
  }

  // Takes the user's next record and submits it; returns its id (0 when none).
  int64_t TakeAndSubmit(const User& user) {
    const int64_t id = NextId(user);
    if (id != 0) {
      EXPECT_TRUE(Answer(user, id).ok());
    }
    return id;
  }

  int64_t workspace_ = 0;
  int64_t project_ = 0;
  int next_external_ = 1;
  std::unique_ptr<Distributor> distributor_;
};

}  // namespace quorum::testing
