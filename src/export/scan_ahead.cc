#include "export/scan_ahead.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace quorum {
namespace {

constexpr size_t kBatchRecords = 256;
constexpr size_t kBatches = 4;  // in flight between the two threads, at most

struct RecordCopy {
  int64_t id = 0;
  std::string external_id, fields_json, metadata_json, gold_json;
  double priority = 0;
  int64_t created_at_ms = 0;
  size_t first_response = 0, response_count = 0;  // in Batch::responses
};

struct ResponseCopy {
  int64_t id = 0, user_id = 0, time_spent_ms = 0, created_at_ms = 0, updated_at_ms = 0;
  int guideline_version = 1;
  std::string user_email, values_json;
  ResponseStatus status = ResponseStatus::kDraft;
};

// Records copied out of the scan's views. Slots past the counts keep their strings' capacity.
struct Batch {
  std::vector<RecordCopy> records;
  std::vector<ResponseCopy> responses;
  size_t record_count = 0, response_count = 0;
  std::vector<ResponseView> views;  // rebuilt per record on the visiting side
};

// The two queues between the threads, and how each side stops the other.
class Exchange {
 public:
  Exchange() {
    for (Batch& batch : batches_) free_.push_back(&batch);
  }

  // The reader's side. Null once the visitor has stopped.
  Batch* TakeFree() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !free_.empty() || stopped_; });
    if (stopped_) return nullptr;
    Batch* batch = free_.front();
    free_.pop_front();
    return batch;
  }
  void PutFull(Batch* batch) {
    std::lock_guard lock(mutex_);
    full_.push_back(batch);
    changed_.notify_all();
  }
  // The scan is over, with its result.
  void Finish(Status status) {
    std::lock_guard lock(mutex_);
    finished_ = std::move(status);
    changed_.notify_all();
  }

  // The visitor's side: the next batch, or null at the end (scan_status() then says how it ended).
  Batch* TakeFull() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !full_.empty() || finished_.has_value(); });
    if (full_.empty()) return nullptr;
    Batch* batch = full_.front();
    full_.pop_front();
    return batch;
  }
  void PutFree(Batch* batch) {
    std::lock_guard lock(mutex_);
    free_.push_back(batch);
    changed_.notify_all();
  }
  // The visitor failed: the reader stops at its next batch.
  void Stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    changed_.notify_all();
  }
  Status scan_status() {
    std::lock_guard lock(mutex_);
    return finished_.value_or(OkStatus());
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  Batch batches_[kBatches];
  std::deque<Batch*> free_, full_;  // guarded by mutex_
  bool stopped_ = false;             // guarded by mutex_
  std::optional<Status> finished_;   // guarded by mutex_
};

template <class T>
T& NextSlot(std::vector<T>& pool, size_t& used) {
  if (used == pool.size()) pool.emplace_back();
  return pool[used++];
}

// Runs on the reading thread: copies each record into the current batch, passing full ones on.
class Copier final : public ProjectVisitor {
 public:
  explicit Copier(Exchange& exchange) : exchange_(exchange) {}

  Status OnRecord(const RecordView& record, std::span<const SuggestionView>,
                  std::span<const ResponseView> responses) override {
    if (batch_ == nullptr) {
      batch_ = exchange_.TakeFree();
      if (batch_ == nullptr) return MakeError(ErrorCode::kInternal, "the export stopped");  // not returned to anyone
      batch_->record_count = batch_->response_count = 0;
    }
    RecordCopy& copy = NextSlot(batch_->records, batch_->record_count);
    copy.id = record.id;
    copy.external_id.assign(record.external_id);
    copy.fields_json.assign(record.fields_json);
    copy.metadata_json.assign(record.metadata_json);
    copy.gold_json.assign(record.gold_json);
    copy.priority = record.priority;
    copy.created_at_ms = record.created_at_ms;
    copy.first_response = batch_->response_count;
    copy.response_count = responses.size();
    for (const ResponseView& response : responses) {
      ResponseCopy& answer = NextSlot(batch_->responses, batch_->response_count);
      answer.id = response.id;
      answer.user_id = response.user_id;
      answer.user_email.assign(response.user_email);
      answer.values_json.assign(response.values_json);
      answer.status = response.status;
      answer.time_spent_ms = response.time_spent_ms;
      answer.guideline_version = response.guideline_version;
      answer.created_at_ms = response.created_at_ms;
      answer.updated_at_ms = response.updated_at_ms;
    }
    if (batch_->record_count == kBatchRecords) Flush();
    return OkStatus();
  }

  void Flush() {
    if (batch_ != nullptr && batch_->record_count > 0) exchange_.PutFull(batch_);
    batch_ = nullptr;
  }

 private:
  Exchange& exchange_;
  Batch* batch_ = nullptr;
};

// Runs on the calling thread: the batch's records as views, to the caller's visitor.
Status VisitBatch(Batch& batch, ProjectVisitor& visitor) {
  for (size_t index = 0; index < batch.record_count; ++index) {
    const RecordCopy& copy = batch.records[index];
    batch.views.clear();
    for (size_t answer = copy.first_response; answer < copy.first_response + copy.response_count; ++answer) {
      const ResponseCopy& response = batch.responses[answer];
      batch.views.push_back(ResponseView{response.id, response.user_id, response.user_email, response.values_json,
                                         response.status, response.time_spent_ms, response.guideline_version,
                                         response.created_at_ms, response.updated_at_ms, {}});
    }
    const RecordView record{copy.id,       copy.external_id, copy.fields_json,   copy.metadata_json,
                            copy.gold_json, copy.priority,    copy.created_at_ms};
    QUORUM_RETURN_IF_ERROR(visitor.OnRecord(record, {}, batch.views));
  }
  return OkStatus();
}

}  // namespace

Status ScanProjectAhead(Store& store, int64_t project_id, ProjectVisitor& visitor, const ScanParts& parts) {
  if (parts.suggestions || parts.revisions)
    return MakeError(ErrorCode::kInternal, "ScanProjectAhead copies neither suggestions nor revisions");
  Exchange exchange;
  std::thread reader([&] {
    Copier copier(exchange);
    Status scanned = store.ScanProject(project_id, copier, parts);
    if (scanned.ok()) copier.Flush();
    exchange.Finish(std::move(scanned));
  });
  Status visited = OkStatus();
  while (Batch* batch = exchange.TakeFull()) {
    if (visited.ok()) visited = VisitBatch(*batch, visitor);
    if (!visited.ok()) exchange.Stop();  // the reader's next TakeFree returns null; drain what it sent
    exchange.PutFree(batch);
  }
  reader.join();
  if (!visited.ok()) return visited;
  return exchange.scan_status();
}

}  // namespace quorum
