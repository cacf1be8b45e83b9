// Reserve on PostgreSQL, where the choice passes locked records (SKIP LOCKED): a record whose
// save or hand-out is in flight when it is the last one with room must still be handed out
// once its lock is free, not reported as "nothing left".
#include <thread>

#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_test_support.h"
#include "store/postgres/pg_url.h"

namespace quorum::postgres {
namespace {

class PgReserveTest : public quorum::testing::StoreTest {
 protected:
  void SetUp() override {
    QUORUM_REQUIRE_POSTGRES();
    StoreTest::SetUp();
  }

  ReserveRequest Request(int64_t project_id, int64_t user_id) {
    ReserveRequest request;
    request.project_id = project_id;
    request.user_id = user_id;
    request.overlap = 2;
    request.now_ms = clock_.NowMs();
    return request;
  }
};

TEST_F(PgReserveTest, TheLastRecordLockedByAnotherTransactionIsHandedOutOnceFree) {
  const int64_t project = NewProject(NewWorkspace());
  const int64_t record = ImportRecords(project, {"only"})[0];
  const int64_t user = NewUser("a@x.org");
  // Another server's transaction holds the record's queue entry (as a save does until its
  // commit).
  std::unique_ptr<PgConnection> other = PgConnection::Open(ParsePgUrl(path_).value().conninfo).value();
  ASSERT_TRUE(other->Run("BEGIN").ok());
  ASSERT_TRUE(other->Exec("SELECT 1 FROM record_progress WHERE record_id = $1 FOR UPDATE", Params().Int(record)).ok());

  Result<std::optional<Reservation>> reserved = std::optional<Reservation>();
  std::thread asking([&] { reserved = store_->Reserve(Request(project, user)); });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the hand-out meets the lock
  ASSERT_TRUE(other->Run("COMMIT").ok());
  asking.join();
  ASSERT_TRUE(reserved.ok()) << reserved.error().ToString();
  ASSERT_TRUE(reserved->has_value()) << "the record had room: it was only locked";
  EXPECT_EQ((*reserved)->record_id, record);
}

TEST_F(PgReserveTest, NothingLeftForTheUserStaysNothingWhileTheirRecordIsLocked) {
  const int64_t project = NewProject(NewWorkspace());
  const int64_t record = ImportRecords(project, {"only"})[0];
  const int64_t user = NewUser("a@x.org");
  ASSERT_EQ(store_->Reserve(Request(project, user)).value()->record_id, record);
  Response response;
  response.record_id = record;
  response.user_id = user;
  response.status = ResponseStatus::kSubmitted;
  ASSERT_TRUE(store_->SaveResponse(response, user).ok());
  // The record still has room for someone else, but not for its annotator: nothing to wait for.
  std::unique_ptr<PgConnection> other = PgConnection::Open(ParsePgUrl(path_).value().conninfo).value();
  ASSERT_TRUE(other->Run("BEGIN").ok());
  ASSERT_TRUE(other->Exec("SELECT 1 FROM record_progress WHERE record_id = $1 FOR UPDATE", Params().Int(record)).ok());
  Result<std::optional<Reservation>> again = store_->Reserve(Request(project, user));
  ASSERT_TRUE(other->Run("ROLLBACK").ok());
  ASSERT_TRUE(again.ok()) << again.error().ToString();
  EXPECT_FALSE(again->has_value());
}

}  // namespace
}  // namespace quorum::postgres
