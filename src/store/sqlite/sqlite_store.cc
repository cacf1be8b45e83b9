// SqliteStore: opening, the read and write paths every method takes, and the workspace methods.
#include "store/sqlite/sqlite_store.h"

#include <string>
#include <utility>

#include "store/no_wait_scope.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/open_sqlite_store.h"
#include "store/sqlite/sql.h"
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_transaction.h"

namespace quorum {

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const Clock& clock) {
  QUORUM_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Connection> connection, sqlite::Connection::Open(path));
  Status migrated = sqlite::Migrate(*connection, sqlite::Migrations(), clock.NowMs());
  if (!migrated.ok()) {
    Error error = std::move(migrated).error();
    error.message = "opening database '" + path + "': " + error.message;
    return error;
  }
  QUORUM_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Checkpointer> checkpointer, sqlite::Checkpointer::Start(path));
  checkpointer->Watch(*connection);
  std::unique_ptr<sqlite::ReaderPool> readers;
  std::unique_ptr<sqlite::WalSync> wal_sync;
  if (path != ":memory:") {
    QUORUM_ASSIGN_OR_RETURN(readers, sqlite::ReaderPool::Open(path, sqlite::ReaderPool::kDefaultSize));
    const char* wal_path = sqlite3_filename_wal(sqlite3_db_filename(connection->handle(), "main"));
    wal_sync = std::make_unique<sqlite::WalSync>(wal_path);
    QUORUM_RETURN_IF_ERROR(connection->Exec(sqlite::kPragmaSynchronousNormal));
  }
  return std::unique_ptr<Store>(std::make_unique<sqlite::SqliteStore>(path, std::move(connection),
                                                                      std::move(checkpointer), std::move(readers),
                                                                      std::move(wal_sync), clock));
}

}  // namespace quorum

namespace quorum::sqlite {

Error Refused() { return MakeError(ErrorCode::kIo, "the store would wait here (inside a NoWaitScope)"); }

SqliteStore::SqliteStore(std::string path, std::unique_ptr<Connection> writer,
                         std::unique_ptr<Checkpointer> checkpointer, std::unique_ptr<ReaderPool> readers,
                         std::unique_ptr<WalSync> wal_sync, const Clock& clock)
    : path_(std::move(path)),
      clock_(clock),
      checkpointer_(std::move(checkpointer)),
      writer_(std::move(writer)),
      readers_(std::move(readers)),
      wal_sync_(std::move(wal_sync)),
      committer_(*writer_, writer_mutex_, wal_sync_.get()) {}

namespace {

// A reader lent for a whole NoWaitScope, in one read transaction: the scope's reads (nothing in
// it writes) share one snapshot, and begin and end it once rather than once per read, which
// took a fifth of the CPU of a GET record (the WAL's read locks, some by fcntl).
class ScopeReading final : public NoWaitScope::Kept {
 public:
  ScopeReading(ReaderPool::Lease lease, Transaction transaction)
      : lease_(std::move(lease)), transaction_(std::move(transaction)) {}
  Connection& connection() const { return lease_.connection(); }

 private:
  ReaderPool::Lease lease_;  // declared first: returned after the transaction ends
  Transaction transaction_;  // a read: rolled back when the scope ends
};

}  // namespace

Result<SqliteStore::Reading> SqliteStore::Read() {
  Reading reading;
  if (readers_ == nullptr || OnBatchThread()) {
    if (NoWaitScope::Refuse()) return Refused();
    reading.writer_lock_ = Lock(writer_mutex_);
    reading.connection_ = writer_.get();
    return reading;
  }
  if (auto* kept = static_cast<ScopeReading*>(NoWaitScope::KeptBy(this))) {
    reading.connection_ = &kept->connection();
    return reading;
  }
  std::optional<ReaderPool::Lease> lease = readers_->TryAcquire();
  if (!lease) {
    if (NoWaitScope::Refuse()) return Refused();
    lease = readers_->Acquire();
  }
  if (NoWaitScope::CanKeep()) {
    QUORUM_ASSIGN_OR_RETURN(Transaction transaction, Transaction::BeginRead(lease->connection()));
    auto kept = std::make_unique<ScopeReading>(std::move(*lease), std::move(transaction));
    reading.connection_ = &kept->connection();
    NoWaitScope::Keep(this, std::move(kept));
    return reading;
  }
  reading.lease_ = std::move(*lease);
  reading.connection_ = &reading.lease_.connection();
  return reading;
}

Status SqliteStore::Write(const GroupCommitter::Write& write, Durability durability) {
  if (NoWaitScope::Refuse()) return Refused();
  if (!OnBatchThread()) return committer_.Run(write, durability);
  Lock lock(writer_mutex_);
  QUORUM_ASSIGN_OR_RETURN(Transaction savepoint, Transaction::Begin(*writer_));
  Status written = write(*writer_);
  if (!written.ok()) {
    savepoint.Rollback();
    return written;
  }
  return savepoint.Commit();
}

Status SqliteStore::WriteAlone(const GroupCommitter::Write& write) {
  if (NoWaitScope::Refuse()) return Refused();
  if (OnBatchThread()) return Write(write);
  uint64_t ticket = 0;
  {
    Lock lock(writer_mutex_);
    // The group committer holds this mutex for a whole batch, so no transaction is open here.
    if (writer_->InTransaction()) return MakeError(ErrorCode::kInternal, "a lone write inside a transaction");
    QUORUM_RETURN_IF_ERROR(write(*writer_));
    ticket = CommitTicket(wal_sync_.get());
  }
  return SyncThrough(wal_sync_.get(), ticket);
}

Result<Workspace> SqliteStore::CreateWorkspace(std::string_view name) {
  Workspace workspace{0, std::string(name), clock_.NowMs()};
  QUORUM_RETURN_IF_ERROR(Write([&](Connection& connection) -> Status {
    QUORUM_ASSIGN_OR_RETURN(Query insert, connection.Use(kInsertWorkspace));
    QUORUM_RETURN_IF_ERROR(insert.BindText(workspace.name).BindInt(workspace.created_at_ms).Run());
    workspace.id = connection.LastInsertRowid();
    return OkStatus();
  }));
  return workspace;
}

Result<Workspace> SqliteStore::GetWorkspace(int64_t id) {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kSelectWorkspace));
  query.BindInt(id);
  QUORUM_ASSIGN_OR_RETURN(bool found, query.Step());
  if (!found) return MakeError(ErrorCode::kNotFound, "workspace " + std::to_string(id) + " not found");
  return ReadWorkspace(query);
}

Result<std::vector<Workspace>> SqliteStore::ListWorkspaces() {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kSelectWorkspaces));
  std::vector<Workspace> workspaces;
  while (true) {
    QUORUM_ASSIGN_OR_RETURN(bool has_row, query.Step());
    if (!has_row) return workspaces;
    workspaces.push_back(ReadWorkspace(query));
  }
}

}  // namespace quorum::sqlite
