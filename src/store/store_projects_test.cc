// Projects through the Store interface, including the cascade of DeleteProject.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "schema/schema_json.h"
#include "store/store_test_support.h"

namespace quorum {
namespace {

using testing::StoreTest;

class StoreProjectsTest : public StoreTest {};

Project SampleProject(int64_t workspace_id) {
  Project project;
  project.id = 77;  // ignored
  project.workspace_id = workspace_id;
  project.name = "helpfulness";
  project.schema = testing::TestSchema();
  project.schema.questions.push_back(builders::Rating("score", {1, 2, 3, 4, 5}, false));
  project.guidelines = "# Be kind\nRate *carefully*.";
  project.guideline_version = 3;
  project.settings = {{"overlap", 3}, {"order", "fifo"}};
  project.created_at_ms = 1;  // ignored
  return project;
}

TEST_F(StoreProjectsTest, CreateAndGetRoundTripEveryField) {
  int64_t workspace = NewWorkspace();
  clock_.Set(4242);
  Project project = SampleProject(workspace);
  Result<Project> created = store_->CreateProject(project);
  ASSERT_TRUE(created.ok()) << created.error().ToString();
  EXPECT_NE(created->id, 77);
  EXPECT_EQ(created->created_at_ms, 4242);

  Result<Project> got = store_->GetProject(created->id);
  ASSERT_TRUE(got.ok()) << got.error().ToString();
  EXPECT_EQ(got->workspace_id, workspace);
  EXPECT_EQ(got->name, "helpfulness");
  EXPECT_EQ(SchemaToJson(got->schema), SchemaToJson(project.schema));
  EXPECT_EQ(got->guidelines, project.guidelines);
  EXPECT_EQ(got->guideline_version, 3);
  EXPECT_EQ(got->settings, project.settings);
  EXPECT_EQ(got->created_at_ms, 4242);
}

TEST_F(StoreProjectsTest, ErrorsNameWhatIsMissing) {
  Result<Project> missing = store_->GetProject(5);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().message, "project 5 not found");

  Result<Project> no_workspace = store_->CreateProject(SampleProject(999));
  ASSERT_FALSE(no_workspace.ok());
  EXPECT_EQ(no_workspace.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(no_workspace.error().message, "workspace 999 not found");

  Project ghost = SampleProject(NewWorkspace());
  ghost.id = 31337;
  Status update = store_->UpdateProject(ghost);
  ASSERT_FALSE(update.ok());
  EXPECT_EQ(update.error().code, ErrorCode::kNotFound);

  Status remove = store_->DeleteProject(31337);
  ASSERT_FALSE(remove.ok());
  EXPECT_EQ(remove.error().code, ErrorCode::kNotFound);
}

TEST_F(StoreProjectsTest, ListIsInIdOrderAndUpdateReplaces) {
  int64_t workspace = NewWorkspace();
  int64_t first = NewProject(workspace, "one");
  int64_t second = NewProject(workspace, "two");
  Result<std::vector<Project>> projects = store_->ListProjects();
  ASSERT_TRUE(projects.ok());
  ASSERT_EQ(projects->size(), 2u);
  EXPECT_EQ((*projects)[0].id, first);
  EXPECT_EQ((*projects)[1].id, second);

  Project changed = (*projects)[1];
  changed.name = "renamed";
  changed.guidelines = "new rules";
  changed.guideline_version = 2;
  changed.settings = {{"overlap", 5}};
  changed.schema.questions.push_back(builders::Question("why", QuestionKind::kText, false));
  ASSERT_TRUE(store_->UpdateProject(changed).ok());
  Result<Project> got = store_->GetProject(second);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->name, "renamed");
  EXPECT_EQ(got->guidelines, "new rules");
  EXPECT_EQ(got->guideline_version, 2);
  EXPECT_EQ(got->settings, changed.settings);
  ASSERT_EQ(got->schema.questions.size(), 2u);
  EXPECT_EQ(got->schema.questions[1].name, "why");
  EXPECT_EQ(got->created_at_ms, changed.created_at_ms);
}

// Four threads each set their own settings key 25 times through ChangeProject at once: a
// read-modify-write that lost an update would leave some thread's last value missing.
TEST_F(StoreProjectsTest, ChangeProjectKeepsEveryConcurrentChange) {
  const int64_t project = NewProject(NewWorkspace(), "shared");
  constexpr int kThreads = 4, kChanges = 25;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int thread = 0; thread < kThreads; ++thread)
    threads.emplace_back([&, thread] {
      for (int change = 1; change <= kChanges; ++change) {
        Result<Project> changed = store_->ChangeProject(project, [&](Project& stored) -> Status {
          stored.settings["key" + std::to_string(thread)] = change;
          stored.settings["total"] = stored.settings.value("total", 0) + 1;
          return OkStatus();
        });
        if (!changed.ok()) ++failures;
      }
    });
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  Result<Project> got = store_->GetProject(project);
  ASSERT_TRUE(got.ok());
  for (int thread = 0; thread < kThreads; ++thread) EXPECT_EQ(got->settings["key" + std::to_string(thread)], kChanges);
  EXPECT_EQ(got->settings["total"], kThreads * kChanges);
}

TEST_F(StoreProjectsTest, ChangeProjectWritesNothingWhenTheChangeFailsAndNamesAMissingProject) {
  const int64_t project = NewProject(NewWorkspace(), "kept");
  const Project before = store_->GetProject(project).value();
  Result<Project> refused = store_->ChangeProject(project, [](Project& stored) -> Status {
    stored.name = "half-written";
    return MakeError(ErrorCode::kInvalid, "overlap: must be at least 1");
  });
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "overlap: must be at least 1");
  EXPECT_EQ(store_->GetProject(project).value().name, before.name);

  Result<Project> renamed = store_->ChangeProject(project, [](Project& stored) -> Status {
    stored.name = "renamed";
    stored.id = 999;  // the id is not the change's to choose
    return OkStatus();
  });
  ASSERT_TRUE(renamed.ok()) << renamed.error().ToString();
  EXPECT_EQ(renamed->id, project);
  EXPECT_EQ(store_->GetProject(project).value().name, "renamed");

  Result<Project> missing = store_->ChangeProject(31337, [](Project&) { return OkStatus(); });
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().message, "project 31337 not found");
}

// Parsed schemas and settings are kept by each store (ProjectTextCache): a change made through
// another store on the same database, as another server would make it, must still be seen.
TEST_F(StoreProjectsTest, ChangesThroughAnotherStoreOnTheDatabaseAreSeen) {
  int64_t id = NewProject(NewWorkspace());
  Result<Project> before = store_->GetProject(id);
  ASSERT_TRUE(before.ok()) << before.error().ToString();
  ASSERT_TRUE(store_->GetProject(id).ok());  // read twice: now held parsed

  Result<std::unique_ptr<Store>> other = OpenStore(path_, clock_);
  ASSERT_TRUE(other.ok()) << other.error().ToString();
  Project changed = *before;
  changed.settings = {{"overlap", 4}, {"paused", true}};
  changed.schema.questions.push_back(builders::Question("why", QuestionKind::kText, false));
  ASSERT_TRUE((*other)->UpdateProject(changed).ok());

  Result<Project> after = store_->GetProject(id);
  ASSERT_TRUE(after.ok()) << after.error().ToString();
  EXPECT_EQ(after->settings, changed.settings);
  ASSERT_EQ(after->schema.questions.size(), 2u);
  EXPECT_EQ(after->schema.questions[1].name, "why");
  Result<std::vector<Project>> listed = store_->ListProjects();
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].settings, changed.settings);

  // And back: the first text again is not confused with the second.
  ASSERT_TRUE((*other)->UpdateProject(*before).ok());
  Result<Project> restored = store_->GetProject(id);
  ASSERT_TRUE(restored.ok());
  EXPECT_EQ(restored->settings, before->settings);
  EXPECT_EQ(restored->schema.questions.size(), 1u);
}

TEST_F(StoreProjectsTest, DeleteCascadesToEverythingBelowTheProjectOnly) {
  int64_t workspace = NewWorkspace();
  int64_t doomed = NewProject(workspace, "doomed");
  int64_t kept = NewProject(workspace, "kept");
  int64_t annotator = NewUser("ann@example.com");

  std::vector<int64_t> doomed_records = ImportRecords(doomed, {"a", "b"});
  std::vector<int64_t> kept_records = ImportRecords(kept, {"a"});
  ASSERT_EQ(doomed_records.size(), 2u);
  ASSERT_EQ(kept_records.size(), 1u);
  {
    Result<std::unique_ptr<ImportBatch>> batch = store_->BeginImport(doomed);
    ASSERT_TRUE(batch.ok());
    RecordRow row{"c", R"({"prompt":"c"})", "{}", "{}", 0, 0};
    Result<int64_t> record = (*batch)->PutRecord(row, OnDuplicate::kRefuse);
    ASSERT_TRUE(record.ok());
    doomed_records.push_back(*record);
    ASSERT_TRUE((*batch)->PutSuggestion(*record, {"quality", R"("good")", 0.9, "model"}).ok());
    ASSERT_TRUE((*batch)->Commit().ok());
  }
  Response doomed_response;
  doomed_response.record_id = doomed_records[0];
  doomed_response.user_id = annotator;
  Result<Response> doomed_saved = store_->SaveResponse(doomed_response, annotator);
  ASSERT_TRUE(doomed_saved.ok());
  Response kept_response = doomed_response;
  kept_response.record_id = kept_records[0];
  Result<Response> kept_saved = store_->SaveResponse(kept_response, annotator);
  ASSERT_TRUE(kept_saved.ok());

  ASSERT_TRUE(store_->DeleteProject(doomed).ok());

  EXPECT_EQ(store_->GetProject(doomed).error().code, ErrorCode::kNotFound);
  for (int64_t record : doomed_records) EXPECT_EQ(store_->GetRecord(record).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(store_->ListSuggestions(doomed_records[2])->empty());
  EXPECT_EQ(store_->GetResponse(doomed_saved->id).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(store_->ListRevisions(doomed_saved->id)->empty());
  EXPECT_EQ(*store_->CountRecords(doomed), 0);

  EXPECT_TRUE(store_->GetProject(kept).ok());
  EXPECT_TRUE(store_->GetRecord(kept_records[0]).ok());
  EXPECT_TRUE(store_->GetResponse(kept_saved->id).ok());
  EXPECT_EQ(store_->ListRevisions(kept_saved->id)->size(), 1u);
  EXPECT_TRUE(store_->GetUser(annotator).ok());
}

TEST_F(StoreProjectsTest, DeletedIdsAreNeverReused) {
  int64_t workspace = NewWorkspace();
  int64_t project = NewProject(workspace);
  std::vector<int64_t> records = ImportRecords(project, {"a"});
  ASSERT_TRUE(store_->DeleteProject(project).ok());
  Reopen();
  int64_t next_project = NewProject(workspace);
  std::vector<int64_t> next_records = ImportRecords(next_project, {"a"});
  EXPECT_GT(next_project, project);
  ASSERT_EQ(next_records.size(), 1u);
  EXPECT_GT(next_records[0], records[0]);
}

}  // namespace
}  // namespace quorum
