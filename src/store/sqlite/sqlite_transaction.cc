#include "store/sqlite/sqlite_transaction.h"

#include <utility>

#include "store/sqlite/sql.h"

namespace quorum::sqlite {
namespace {

Status Run(Connection& connection, const char* sql) {
  QUORUM_ASSIGN_OR_RETURN(Query query, connection.Use(sql));
  return query.Run();
}

}  // namespace

Result<Transaction> Transaction::Begin(Connection& connection) {
  bool savepoint = connection.InTransaction();
  QUORUM_RETURN_IF_ERROR(Run(connection, savepoint ? kSavepoint : kBeginImmediate));
  return Transaction(&connection, savepoint);
}

Result<Transaction> Transaction::BeginRead(Connection& connection) {
  bool savepoint = connection.InTransaction();
  QUORUM_RETURN_IF_ERROR(Run(connection, savepoint ? kSavepoint : kBeginDeferred));
  return Transaction(&connection, savepoint);
}

Transaction::Transaction(Transaction&& other) noexcept
    : connection_(std::exchange(other.connection_, nullptr)), savepoint_(other.savepoint_) {}

Transaction::~Transaction() { Rollback(); }

Status Transaction::Commit() {
  if (connection_ == nullptr) return MakeError(ErrorCode::kInternal, "commit of a finished transaction");
  Status status = Run(*connection_, savepoint_ ? kReleaseSavepoint : kCommit);
  if (!status.ok()) {
    Rollback();
    return status;
  }
  connection_ = nullptr;
  return OkStatus();
}

void Transaction::Rollback() {
  if (connection_ == nullptr) return;
  Connection& connection = *std::exchange(connection_, nullptr);
  // Failures are ignored: there is nobody left to tell, and SQLite may already have rolled
  // back by itself after an I/O error (then there is nothing to undo).
  if (savepoint_) {
    if (Run(connection, kRollbackToSavepoint).ok()) (void)Run(connection, kReleaseSavepoint);
  } else if (connection.InTransaction()) {
    (void)Run(connection, kRollback);
  }
}

}  // namespace quorum::sqlite
