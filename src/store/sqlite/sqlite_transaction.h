// A transaction guard: rolls back unless committed. Private to src/store/sqlite.
#pragma once

#include "core/result.h"
#include "store/sqlite/sqlite_connection.h"

namespace quorum::sqlite {

class Transaction {
 public:
  // Begins a write transaction on `connection` (which must outlive the guard): BEGIN IMMEDIATE,
  // so the write lock is taken up front and a busy database fails here, not halfway through.
  // Inside an already open transaction (an import batch open on this thread) it opens a
  // savepoint instead, which becomes durable only when that outer transaction commits.
  static Result<Transaction> Begin(Connection& connection);
  // Begins a read transaction (BEGIN DEFERRED), so that several queries see one snapshot; a
  // savepoint inside an open transaction. Works on read-only connections.
  static Result<Transaction> BeginRead(Connection& connection);

  ~Transaction();  // rolls back when neither Commit() nor Rollback() succeeded
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;

  // COMMIT (or RELEASE of the savepoint). On failure everything is rolled back.
  Status Commit();
  // Undoes the transaction now. Safe to call when SQLite has already rolled it back itself.
  void Rollback();

 private:
  Transaction(Connection* connection, bool savepoint) : connection_(connection), savepoint_(savepoint) {}

  Connection* connection_;  // null once finished
  bool savepoint_;
};

}  // namespace quorum::sqlite
