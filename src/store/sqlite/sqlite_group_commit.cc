#include "store/sqlite/sqlite_group_commit.h"

#include <algorithm>
#include <exception>
#include <string>
#include <vector>

#include "store/sqlite/sqlite_transaction.h"

namespace quorum::sqlite {
namespace {

Status RunInSavepoint(Connection& connection, const GroupCommitter::Write& write) {
  QUORUM_ASSIGN_OR_RETURN(Transaction savepoint, Transaction::Begin(connection));
  Status written = [&]() -> Status {
    // A write that throws is a bug; it must still not strand the callers queued behind it.
    try {
      return write(connection);
    } catch (const std::exception& exception) {
      return MakeError(ErrorCode::kInternal, std::string("a store write threw: ") + exception.what());
    }
  }();
  if (!written.ok()) {
    savepoint.Rollback();
    return written;
  }
  return savepoint.Commit();
}

}  // namespace

GroupCommitter::GroupCommitter(Connection& connection, std::recursive_mutex& connection_mutex, WalSync* wal_sync)
    : connection_(connection), connection_mutex_(connection_mutex), wal_sync_(wal_sync) {}

Status GroupCommitter::Run(const Write& write, Durability durability) {
  Pending self(&write, durability);
  std::unique_lock<std::mutex> lock(mutex_);
  queue_.push_back(&self);
  self.wake.wait(lock, [&] { return self.done || queue_.front() == &self; });
  if (self.done) return std::move(self.result);

  // Leading. The batch is taken once the connection is ours, so that everything queued while it
  // was busy (an import batch, a lone write) goes in: the head of the queue, this write first.
  // Writers arriving later queue behind it; only the leader pops, so the head stays this batch.
  lock.unlock();
  std::vector<Pending*> batch;
  uint64_t ticket;
  {
    std::lock_guard<std::recursive_mutex> connection_lock(connection_mutex_);
    lock.lock();
    batch.assign(queue_.begin(), queue_.begin() + std::min(queue_.size(), kMaxBatch));
    lock.unlock();
    RunBatch(batch.data(), batch.size());
    // Taken before the connection is let go, so that tickets follow the commits' order.
    ticket = CommitTicket(wal_sync_);
  }
  // The batch leaves the queue and the next leader takes the connection while this one syncs.
  // Writes that wait for the disk are woken once, after the sync, not after the commit too.
  std::vector<Pending*> on_disk;
  lock.lock();
  for (size_t index = 0; index < batch.size(); ++index) {
    Pending* pending = queue_.front();
    queue_.pop_front();
    if (wal_sync_ != nullptr && pending->result.ok() && pending->durability == Durability::kOnDisk) {
      on_disk.push_back(pending);
      continue;
    }
    pending->done = true;
    if (pending != &self) pending->wake.notify_one();
  }
  if (!queue_.empty()) queue_.front()->wake.notify_one();  // the next leader
  lock.unlock();
  if (on_disk.empty()) return std::move(self.result);

  Status synced = SyncThrough(wal_sync_, ticket);
  lock.lock();
  for (Pending* pending : on_disk) {
    if (!synced.ok()) pending->result = synced.error();
    pending->done = true;
    if (pending != &self) pending->wake.notify_one();
  }
  lock.unlock();
  return std::move(self.result);
}

size_t GroupCommitter::pending() {
  std::lock_guard<std::mutex> lock(mutex_);
  return queue_.size();
}

void GroupCommitter::RunBatch(Pending* const* batch, size_t count) {
  auto fail_all = [&](const Error& error) {
    for (size_t index = 0; index < count; ++index) batch[index]->result = error;
  };
  // Inside an open transaction Begin would only make a savepoint, whose release is not durable.
  if (connection_.InTransaction()) {
    fail_all(MakeError(ErrorCode::kInternal, "group commit on a connection inside a transaction"));
    return;
  }
  Result<Transaction> transaction = Transaction::Begin(connection_);
  if (!transaction.ok()) {
    fail_all(transaction.error());
    return;
  }
  for (size_t index = 0; index < count; ++index) {
    batch[index]->result = RunInSavepoint(connection_, *batch[index]->write);
    if (!connection_.InTransaction()) {
      // SQLite rolled the whole transaction back by itself (I/O error, full disk): the writes
      // before this one are gone as well, and the later ones must not autocommit one by one.
      Error cause = batch[index]->result.ok()
                        ? MakeError(ErrorCode::kIo, "the shared transaction was rolled back")
                        : batch[index]->result.error();
      fail_all(cause);
      return;
    }
  }
  Status committed = transaction->Commit();
  if (committed.ok()) return;
  for (size_t index = 0; index < count; ++index)
    if (batch[index]->result.ok()) batch[index]->result = committed.error();
}

}  // namespace quorum::sqlite
