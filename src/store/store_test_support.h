// Test-only helpers for the store tests (included by *_test.cc files only): a temporary
// directory, a fake clock, and a fixture that opens a fresh store: a SQLite file in that
// directory, or, when QUORUM_TEST_POSTGRES names a server, a fresh schema on it
// (store/test_database.h), so every store test runs on whichever backend the environment selects.
#pragma once

#include <stdlib.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "core/clock.h"
#include "core/test_builders.h"
#include "store/open_store.h"
#include "store/store.h"
#include "store/temp_dir.h"
#include "store/test_database.h"

namespace quorum::testing {

// A clock that moves only when told to. Thread-safe.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(int64_t now_ms = 1'764'000'000'000) : now_ms_(now_ms) {}
  int64_t NowMs() const override { return now_ms_.load(); }
  void Set(int64_t now_ms) { now_ms_.store(now_ms); }
  void Advance(int64_t ms) { now_ms_.fetch_add(ms); }

 private:
  std::atomic<int64_t> now_ms_;
};

// The schema the store tests use: a prompt field and a label question.
inline Schema TestSchema() {
  Schema schema;
  schema.fields.push_back(builders::Field("prompt", FieldKind::kText));
  schema.questions.push_back(builders::WithLabels(builders::Question("quality", QuestionKind::kLabel), {"good", "bad"}));
  return schema;
}

// The URL of a fresh database for a test: a file in `dir`, or a new schema on the PostgreSQL
// server the environment names. Throws (failing the test) when the server cannot be reached.
inline std::string FreshDatabaseUrl(const TempDir& dir, const std::string& file_name = "quorum.db") {
  Result<std::string> url = FreshTestDatabase(dir.path(), file_name);
  if (!url.ok()) throw std::runtime_error(url.error().ToString());
  return *url;
}

// True when the tests run on PostgreSQL (QUORUM_TEST_POSTGRES is set).
inline bool OnPostgres() { return !TestPostgresServer().empty(); }

// A fixture with a store opened on a fresh database, and builders for the usual rows.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }

  // Closes the store (if open) and opens the same database again.
  void Reopen() {
    store_.reset();
    Result<std::unique_ptr<Store>> opened = OpenStore(path_, clock_);
    ASSERT_TRUE(opened.ok()) << opened.error().ToString();
    store_ = std::move(opened).value();
  }

  int64_t NewWorkspace(const std::string& name = "team") {
    Result<Workspace> workspace = store_->CreateWorkspace(name);
    EXPECT_TRUE(workspace.ok()) << workspace.error().ToString();
    return workspace.ok() ? workspace->id : 0;
  }

  int64_t NewUser(const std::string& email) {
    User user;
    user.email = email;
    user.name = "Name of " + email;
    Result<User> created = store_->CreateUser(user);
    EXPECT_TRUE(created.ok()) << created.error().ToString();
    return created.ok() ? created->id : 0;
  }

  int64_t NewProject(int64_t workspace_id, const std::string& name = "project") {
    Project project;
    project.workspace_id = workspace_id;
    project.name = name;
    project.schema = TestSchema();
    Result<Project> created = store_->CreateProject(project);
    EXPECT_TRUE(created.ok()) << created.error().ToString();
    return created.ok() ? created->id : 0;
  }

  // Imports one record per external id (fields {"prompt": "<id>"}) and commits; returns ids.
  std::vector<int64_t> ImportRecords(int64_t project_id, const std::vector<std::string>& external_ids) {
    std::vector<int64_t> ids;
    Result<std::unique_ptr<ImportBatch>> batch = store_->BeginImport(project_id);
    EXPECT_TRUE(batch.ok()) << batch.error().ToString();
    if (!batch.ok()) return ids;
    for (const std::string& external_id : external_ids) {
      std::string fields = R"({"prompt":")" + external_id + R"("})";
      RecordRow row{external_id, fields, "{}", "{}", 0, 0};
      Result<int64_t> id = (*batch)->PutRecord(row, OnDuplicate::kRefuse);
      EXPECT_TRUE(id.ok()) << id.error().ToString();
      if (id.ok()) ids.push_back(*id);
    }
    Status committed = (*batch)->Commit();
    EXPECT_TRUE(committed.ok()) << committed.error().ToString();
    return ids;
  }

  TempDir dir_;
  std::string path_ = FreshDatabaseUrl(dir_);  // a file path or a postgres:// URL
  FakeClock clock_;
  std::unique_ptr<Store> store_;
};

}  // namespace quorum::testing
