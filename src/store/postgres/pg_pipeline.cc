#include "store/postgres/pg_pipeline.h"

#include <string>

#include "store/postgres/pg_error.h"

namespace quorum::postgres {
namespace {

Error Broken(PGconn* raw, std::string_view what) {
  std::string detail = PQerrorMessage(raw);
  while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
  return MakeError(ErrorCode::kIo, std::string(what) + (detail.empty() ? "" : ": " + detail));
}

// The next result, past the null that ends each statement's results. Null when the connection
// returns nothing more (it broke).
PGresult* NextResult(PGconn* raw) {
  for (int nulls = 0; nulls < 2; ++nulls)
    if (PGresult* result = PQgetResult(raw)) return result;
  return nullptr;
}

}  // namespace

PgPipeline::PgPipeline(PgConnection& connection, std::vector<PgStatement> statements)
    : connection_(connection) {
  PGconn* raw = connection_.raw();
  // Preparing is a round trip of its own, once per statement and connection, before the
  // pipeline starts.
  std::vector<const std::string*> names;
  for (const PgStatement& statement : statements) {
    Result<const std::string*> name =
        statement.params.storable() ? connection_.Prepared(statement.sql) : Result<const std::string*>(NulRefused());
    if (!name.ok()) {
      failed_ = std::move(name).error();
      finished_ = true;
      return;
    }
    names.push_back(*name);
    sql_.push_back(statement.sql);
  }
  bool sent = PQenterPipelineMode(raw) == 1;
  auto name = names.begin();
  for (auto statement = statements.begin(); sent && statement != statements.end(); ++statement, ++name) {
    std::vector<const char*> values = statement->params.Pointers();
    std::vector<int> lengths = statement->params.Lengths();
    sent = PQsendQueryPrepared(raw, (*name)->c_str(), statement->params.size(), values.data(), lengths.data(), nullptr,
                               0) == 1;
    // The server sends each result as its statement ends, not all at the sync: a caller reads
    // (and times) a statement before a COMMIT after it has flushed.
    if (sent) sent = PQsendFlushRequest(raw) == 1;
  }
  if (sent) sent = PQpipelineSync(raw) == 1;
  if (!sent) {
    // libpq fails to queue only when the connection is unusable.
    failed_ = Broken(raw, "sending a pipeline of statements");
    connection_.broken_ = true;
    finished_ = true;
  }
}

PgPipeline::~PgPipeline() { (void)Finish(); }

Result<PgResult> PgPipeline::Next() {
  if (finished_ || next_ >= sql_.size()) {
    if (failed_) return *failed_;
    return MakeError(ErrorCode::kInternal, "reading past the last statement of a pipeline");
  }
  const char* sql = sql_[next_++];
  PGconn* raw = connection_.raw();
  PGresult* raw_result = NextResult(raw);
  if (raw_result == nullptr) {
    if (!failed_) failed_ = Broken(raw, "reading the result of '" + std::string(sql).substr(0, 80) + "'");
    connection_.broken_ = true;
    finished_ = true;
    return *failed_;
  }
  PgResult result(raw_result);
  // Skipped after an earlier statement failed: that statement's error says why.
  if (PQresultStatus(raw_result) == PGRES_PIPELINE_ABORTED && failed_) return *failed_;
  Result<PgResult> outcome = connection_.Outcome(std::move(result), sql);
  if (!outcome.ok() && !failed_) failed_ = outcome.error();
  return outcome;
}

Status PgPipeline::Finish() {
  if (!finished_) {
    while (!finished_ && next_ < sql_.size()) (void)Next();
    if (!finished_) {
      PGconn* raw = connection_.raw();
      PgResult sync(NextResult(raw));
      const bool synced = sync.raw() != nullptr && PQresultStatus(sync.raw()) == PGRES_PIPELINE_SYNC;
      if (!synced || PQexitPipelineMode(raw) != 1) {
        if (!failed_) failed_ = Broken(raw, "ending a pipeline of statements");
        connection_.broken_ = true;
      }
      finished_ = true;
    }
  }
  if (failed_) return *failed_;
  return OkStatus();
}

}  // namespace quorum::postgres
