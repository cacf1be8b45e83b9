// The RAII wrapper: connection pragmas, statements, queries, the cache and transactions.
#include "store/sqlite/sqlite_connection.h"

#include <gtest/gtest.h>

#include "store/sqlite/sqlite_transaction.h"
#include "store/store_test_support.h"

namespace quorum::sqlite {
namespace {

using quorum::testing::TempDir;

constexpr char kCreate[] = "CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT UNIQUE, n INTEGER NOT NULL, d REAL)";
constexpr char kInsert[] = "INSERT INTO t (k, n, d) VALUES (?, ?, ?)";
constexpr char kSelect[] = "SELECT id, k, n, d FROM t WHERE n >= ? ORDER BY id";
constexpr char kCount[] = "SELECT count(*) FROM t";
constexpr char kPragmaSynchronous[] = "PRAGMA synchronous";
constexpr char kPragmaForeignKeys[] = "PRAGMA foreign_keys";
constexpr char kPragmaCacheSize[] = "PRAGMA cache_size";
constexpr char kPragmaJournalMode[] = "PRAGMA journal_mode";

class ConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Connection>> opened = Connection::Open(dir_.File("wrapper.db"));
    ASSERT_TRUE(opened.ok()) << opened.error().ToString();
    connection_ = std::move(opened).value();
    ASSERT_TRUE(connection_->Exec(kCreate).ok());
  }

  Status Insert(std::string_view k, int64_t n, std::optional<double> d = std::nullopt) {
    QUORUM_ASSIGN_OR_RETURN(Query insert, connection_->Use(kInsert));
    return insert.BindTextOrNull(k).BindInt(n).BindOptionalDouble(d).Run();
  }

  int64_t Count() {
    Result<Query> count = connection_->Use(kCount);
    EXPECT_TRUE(*count->Step());
    return count->Int(0);
  }

  std::string PragmaText(const char* pragma) {
    Result<Query> query = connection_->Use(pragma);
    EXPECT_TRUE(*query->Step());
    return std::string(query->Text(0));
  }

  TempDir dir_;
  std::unique_ptr<Connection> connection_;
};

TEST_F(ConnectionTest, PragmasAreSetForDurabilityAndBoundedMemory) {
  EXPECT_EQ(PragmaText(kPragmaJournalMode), "wal");
  EXPECT_EQ(PragmaText(kPragmaSynchronous), "2");  // FULL
  EXPECT_EQ(PragmaText(kPragmaForeignKeys), "1");
  EXPECT_EQ(PragmaText(kPragmaCacheSize), "-65536");
}

TEST_F(ConnectionTest, BindsAndReadsEveryType) {
  const std::string with_nul("a\0b'\"; --", 9);
  ASSERT_TRUE(Insert(with_nul, 42, 2.5).ok());
  ASSERT_TRUE(Insert("", 7).ok());  // BindTextOrNull: NULL
  Result<Query> select = connection_->Use(kSelect);
  ASSERT_TRUE(select.ok());
  select->BindInt(0);
  ASSERT_TRUE(*select->Step());
  EXPECT_EQ(select->Text(1), with_nul);
  EXPECT_EQ(select->Int(2), 42);
  EXPECT_EQ(select->Double(3), 2.5);
  ASSERT_TRUE(*select->Step());
  EXPECT_TRUE(select->IsNull(1));
  EXPECT_EQ(select->Text(1), "");
  EXPECT_TRUE(select->IsNull(3));
  EXPECT_FALSE(*select->Step());
}

TEST_F(ConnectionTest, EmptyTextIsNotNull) {
  static constexpr char kInsertEmpty[] = "INSERT INTO t (k, n) VALUES (?, 1)";
  static constexpr char kIsNull[] = "SELECT k IS NULL FROM t";
  Result<Query> insert = connection_->Use(kInsertEmpty);
  ASSERT_TRUE(insert->BindText(std::string_view()).Run().ok());
  Result<Query> query = connection_->Use(kIsNull);
  ASSERT_TRUE(*query->Step());
  EXPECT_EQ(query->Int(0), 0);
}

TEST_F(ConnectionTest, ACachedStatementIsResetForItsNextUserAndNestedUsesGetTheirOwn) {
  for (int n = 0; n < 3; ++n) ASSERT_TRUE(Insert("k" + std::to_string(n), n).ok());
  Result<Query> outer = connection_->Use(kSelect);
  outer->BindInt(0);
  ASSERT_TRUE(*outer->Step());
  EXPECT_EQ(outer->Int(2), 0);
  {
    Result<Query> inner = connection_->Use(kSelect);  // the cached one is busy
    ASSERT_TRUE(inner.ok());
    inner->BindInt(2);
    ASSERT_TRUE(*inner->Step());
    EXPECT_EQ(inner->Int(2), 2);
  }
  ASSERT_TRUE(*outer->Step());  // the outer cursor was not disturbed
  EXPECT_EQ(outer->Int(2), 1);
}

TEST_F(ConnectionTest, AnAbandonedQueryHoldsNoReadSnapshot) {
  ASSERT_TRUE(Insert("a", 1).ok());
  ASSERT_TRUE(Insert("b", 2).ok());
  {
    Result<Query> abandoned = connection_->Use(kSelect);
    abandoned->BindInt(0);
    ASSERT_TRUE(*abandoned->Step());
  }  // reset here; otherwise the open read would keep the WAL from being checkpointed
  static constexpr char kCheckpoint[] = "PRAGMA wal_checkpoint(TRUNCATE)";
  Result<Query> checkpoint = connection_->Use(kCheckpoint);
  ASSERT_TRUE(*checkpoint->Step());
  EXPECT_EQ(checkpoint->Int(0), 0);  // not busy
}

TEST_F(ConnectionTest, ErrorsCarryTheirKindAndSqlitesMessage) {
  ASSERT_TRUE(Insert("same", 1).ok());
  Status duplicate = Insert("same", 2);
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
  EXPECT_NE(duplicate.error().message.find("UNIQUE constraint failed: t.k"), std::string::npos)
      << duplicate.error().message;
  EXPECT_NE(duplicate.error().message.find("INSERT INTO t"), std::string::npos);

  static constexpr char kNullN[] = "INSERT INTO t (k, n) VALUES ('x', NULL)";
  Result<Query> null_n = connection_->Use(kNullN);
  Status refused = null_n->Run();
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalid);

  Result<Query> too_many = connection_->Use(kCount);
  Status range = too_many->BindInt(1).Run();
  EXPECT_EQ(range.error().code, ErrorCode::kInternal);

  static constexpr char kBadSql[] = "SELEC nonsense";
  Result<Query> bad = connection_->Use(kBadSql);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInternal);
  EXPECT_NE(bad.error().message.find("syntax error"), std::string::npos) << bad.error().message;
}

TEST_F(ConnectionTest, TransactionsCommitOrRollBack) {
  {
    Result<Transaction> transaction = Transaction::Begin(*connection_);
    ASSERT_TRUE(transaction.ok());
    EXPECT_TRUE(connection_->InTransaction());
    ASSERT_TRUE(Insert("kept", 1).ok());
    ASSERT_TRUE(transaction->Commit().ok());
  }
  {
    Result<Transaction> transaction = Transaction::Begin(*connection_);
    ASSERT_TRUE(Insert("dropped", 2).ok());
  }  // not committed
  EXPECT_FALSE(connection_->InTransaction());
  EXPECT_EQ(Count(), 1);
}

TEST_F(ConnectionTest, NestedTransactionsAreSavepoints) {
  Result<Transaction> outer = Transaction::Begin(*connection_);
  ASSERT_TRUE(Insert("outer", 1).ok());
  {
    Result<Transaction> inner = Transaction::Begin(*connection_);
    ASSERT_TRUE(inner.ok());
    ASSERT_TRUE(Insert("inner-dropped", 2).ok());
  }
  EXPECT_TRUE(connection_->InTransaction());  // the outer one is intact
  {
    Result<Transaction> inner = Transaction::Begin(*connection_);
    ASSERT_TRUE(Insert("inner-kept", 3).ok());
    ASSERT_TRUE(inner->Commit().ok());
  }
  EXPECT_EQ(Count(), 2);
  outer->Rollback();
  EXPECT_EQ(Count(), 0);
}

TEST(ConnectionOpenTest, NotADatabaseIsAnIoError) {
  TempDir dir;
  std::string path = dir.File("text.db");
  FILE* file = fopen(path.c_str(), "w");
  ASSERT_NE(file, nullptr);
  fputs("this is not an SQLite database, just some text that is long enough to have a header........", file);
  fclose(file);
  Result<std::unique_ptr<Connection>> opened = Connection::Open(path);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, ErrorCode::kIo);
  EXPECT_NE(opened.error().message.find(path), std::string::npos) << opened.error().message;

  Result<std::unique_ptr<Connection>> no_directory = Connection::Open(dir.File("missing/dir/x.db"));
  ASSERT_FALSE(no_directory.ok());
  EXPECT_EQ(no_directory.error().code, ErrorCode::kIo);
}

}  // namespace
}  // namespace quorum::sqlite
