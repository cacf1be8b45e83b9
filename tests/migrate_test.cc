// quorum migrate end to end: a SQLite database with gaps in its ids, revisions and revoked
// tokens is copied into a fresh database (FreshDatabase: SQLite, or PostgreSQL in the suite's
// PostgreSQL pass) and from there back into a new SQLite file. Each project's native export,
// and the ids, password hashes and token hashes, must come out unchanged in both copies.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "store/open_store.h"

namespace quorum::testing {
namespace {

using ::testing::HasSubstr;

class MigrateTest : public ::testing::Test {
 protected:
  std::string MustRun(const std::string& db, const std::vector<std::string>& args) {
    CliResult result = RunQuorum(db, args);
    EXPECT_EQ(result.status, 0) << "quorum " << ::testing::PrintToString(args) << "\n" << result.err;
    return result.out;
  }

  std::unique_ptr<Store> Open(const std::string& db) {
    Result<std::unique_ptr<Store>> store = OpenStore(db);
    EXPECT_TRUE(store.ok()) << store.error().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  // The demo project, a project made and deleted (a gap in project ids), a second project with
  // its first record deleted (a gap in record ids), an edited response (two revisions), and two
  // tokens of which one is revoked.
  void BuildSource() {
    MustRun(source_, {"init", "--password", "owner-password"});
    MustRun(source_, {"demo"});
    MustRun(source_, {"project", "create", "--name", "doomed", "--template", "pairwise-preference"});
    MustRun(source_, {"project", "create", "--name", "second", "--template", "pairwise-preference"});
    const std::string rows =
        R"({"id":"x1","prompt":"p1","response_a":"a","response_b":"b","priority":2,"metadata":{"lang":"en"}})"
        "\n"
        R"({"id":"x2","prompt":"p2","response_a":"a","response_b":"b","gold":{"preference":"response_a"}})"
        "\n";
    MustRun(source_, {"import", "--project", "3", dir_.Write("rows.jsonl", rows)});
    MustRun(source_, {"token", "create", "--email", "admin@localhost", "--name", "kept"});
    MustRun(source_, {"token", "create", "--email", "admin@localhost", "--name", "revoked"});

    std::unique_ptr<Store> store = Open(source_);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->DeleteProject(2).ok());
    std::vector<Record> second = store->ListRecords(3, 0, 10).value();
    ASSERT_EQ(second.size(), 2u);
    ASSERT_TRUE(store->DeleteRecord(second[0].id).ok());
    std::vector<Record> demo = store->ListRecords(1, 0, 1).value();
    std::vector<Response> responses = store->ListResponses(demo[0].id).value();
    ASSERT_FALSE(responses.empty());
    Response edited = responses[0];
    edited.time_spent_ms += 1000;
    ASSERT_TRUE(store->SaveResponse(edited, edited.user_id).ok());
    std::vector<ApiToken> tokens = store->ListTokens(1).value();
    ASSERT_EQ(tokens.size(), 2u);
    ASSERT_TRUE(store->RevokeToken(tokens[1].id, 1).ok());
  }

  // Everything the copies must keep, as one JSON value: the native export of each project and
  // the ids and secrets' hashes the interface shows.
  nlohmann::json Snapshot(const std::string& db) {
    nlohmann::json snapshot;
    std::unique_ptr<Store> store = Open(db);
    if (store == nullptr) return snapshot;
    for (const Project& project : store->ListProjects().value()) {
      snapshot["projects"].push_back({project.id, project.workspace_id, project.name, project.settings,
                                      project.guidelines, project.guideline_version});
      for (const Record& record : store->ListRecords(project.id, 0, 1000).value()) {
        for (const Response& response : store->ListResponses(record.id).value()) {
          nlohmann::json revisions = nlohmann::json::array();
          for (const Revision& revision : store->ListRevisions(response.id).value())
            revisions.push_back({revision.user_id, revision.at_ms});
          snapshot["responses"].push_back({record.id, response.id, response.user_id, revisions});
        }
        snapshot["records"].push_back(record.id);
      }
    }
    for (const Workspace& workspace : store->ListWorkspaces().value()) {
      snapshot["workspaces"].push_back({workspace.id, workspace.name});
      for (const Membership& member : store->ListMemberships(workspace.id).value())
        snapshot["members"].push_back({member.workspace_id, member.user_id, RoleName(member.role)});
    }
    for (const User& user : store->ListUsers().value()) {
      snapshot["users"].push_back({user.id, user.email, user.name, user.password_hash, user.tier});
      for (const ApiToken& token : store->ListTokens(user.id).value())
        snapshot["tokens"].push_back({token.id, token.user_id, token.name, token.token_hash, token.prefix, token.revoked});
    }
    store.reset();
    for (const nlohmann::json& project : snapshot["projects"])
      snapshot["exports"].push_back(MustRun(db, {"export", "--project", std::to_string(project[0].get<int64_t>()),
                                                 "--format", "jsonl"}));
    return snapshot;
  }

  TempDir dir_;
  std::string source_ = dir_.File("source.db");        // SQLite, as a team moving over has it
  std::string middle_ = FreshDatabase(dir_, "middle.db");  // SQLite, or PostgreSQL in the PG pass
  std::string back_ = dir_.File("back.db");            // and back to SQLite
};

TEST_F(MigrateTest, CopiesThereAndBackKeepingExportsIdsAndSecrets) {
  BuildSource();
  const nlohmann::json original = Snapshot(source_);
  ASSERT_EQ(original["projects"].size(), 2u);
  ASSERT_EQ(original["projects"][1][0], 3);  // project 2 was deleted
  ASSERT_EQ(original["exports"].size(), 2u);

  CliResult there = RunQuorum(source_, {"migrate", "--to", middle_});
  ASSERT_EQ(there.status, 0) << there.err;
  EXPECT_THAT(there.out, HasSubstr("2 projects, 51 records, 90 responses"));
  CliResult back = RunQuorum(source_, {"migrate", "--from", middle_, "--to", back_});
  ASSERT_EQ(back.status, 0) << back.err;

  EXPECT_EQ(Snapshot(middle_), original);
  EXPECT_EQ(Snapshot(back_), original);

  // New ids continue above the copied ones, never reusing a deleted project's.
  std::unique_ptr<Store> copy = Open(back_);
  Project next = copy->GetProject(3).value();
  next.name = "after the move";
  EXPECT_EQ(copy->CreateProject(next).value().id, 4);
}

// Rows deleted above the largest kept id leave a high-water mark the copies must go on from:
// the last project (with the largest record ids) and the largest response are deleted here.
TEST_F(MigrateTest, CopiesGoOnNumberingAfterTheSourcesHighestIds) {
  BuildSource();
  {
    std::unique_ptr<Store> store = Open(source_);
    ASSERT_NE(store, nullptr);
    int64_t last_response = 0;
    for (const Record& record : store->ListRecords(1, 0, 1000).value())
      for (const Response& response : store->ListResponses(record.id).value())
        last_response = std::max(last_response, response.id);
    ASSERT_TRUE(store->DeleteResponse(last_response).ok());
    ASSERT_TRUE(store->DeleteProject(3).ok());
  }
  std::map<IdKind, int64_t> marks;
  {
    std::unique_ptr<Store> store = Open(source_);
    for (IdKind kind : {IdKind::kWorkspace, IdKind::kUser, IdKind::kProject, IdKind::kApiToken, IdKind::kRecord,
                        IdKind::kResponse})
      marks[kind] = store->LastId(kind).value();
  }
  EXPECT_EQ(marks[IdKind::kProject], 3);
  EXPECT_EQ(marks[IdKind::kRecord], 52);  // the demo's 50, then project 3's two

  ASSERT_EQ(RunQuorum(source_, {"migrate", "--to", middle_}).status, 0);
  ASSERT_EQ(RunQuorum(source_, {"migrate", "--from", middle_, "--to", back_}).status, 0);
  for (const std::string& copy_db : {middle_, back_}) {
    std::unique_ptr<Store> copy = Open(copy_db);
    ASSERT_NE(copy, nullptr);
    for (const auto& [kind, mark] : marks)
      EXPECT_EQ(copy->LastId(kind).value(), mark) << copy_db << " kind " << static_cast<int>(kind);
  }
  // What the copy hands out next is above every id the source ever gave.
  MustRun(back_, {"project", "create", "--name", "after", "--template", "pairwise-preference"});
  MustRun(back_, {"import", "--project", "4",
                  dir_.Write("after.jsonl", R"({"prompt":"p","response_a":"a","response_b":"b"})" "\n")});
  std::unique_ptr<Store> copy = Open(back_);
  std::vector<Record> imported = copy->ListRecords(4, 0, 10).value();
  ASSERT_EQ(imported.size(), 1u);
  EXPECT_EQ(imported[0].id, 53);
}

TEST_F(MigrateTest, RefusesATargetThatIsNotEmptyAndLeavesItAlone) {
  BuildSource();
  MustRun(back_, {"init", "--password", "other-password"});
  const nlohmann::json before = Snapshot(back_);
  CliResult result = RunQuorum(source_, {"migrate", "--to", back_});
  EXPECT_EQ(result.status, 1);
  EXPECT_THAT(result.err, HasSubstr("not empty (1 workspaces, 1 users, 0 projects)"));
  EXPECT_EQ(Snapshot(back_), before);
}

TEST_F(MigrateTest, AMissingSourceIsAnErrorAndCreatesNothing) {
  const std::string missing = dir_.File("missing.db");
  CliResult result = RunQuorum(source_, {"migrate", "--from", missing, "--to", back_});
  EXPECT_EQ(result.status, 1);
  EXPECT_THAT(result.err, HasSubstr(missing + ": no such database file"));
  EXPECT_FALSE(std::filesystem::exists(missing));
  EXPECT_FALSE(std::filesystem::exists(back_));
}

}  // namespace
}  // namespace quorum::testing
