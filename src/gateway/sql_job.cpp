#include "gateway/sql_job.h"

#include <vector>

#include "gateway/error_json.h"

namespace sluice::gateway {
namespace {

// libpq's view of the parameters: C strings, null for SQL NULL.
std::vector<const char*> param_values(const query_request& q) {
  std::vector<const char*> values;
  values.reserve(q.params.size());
  for (const auto& p : q.params) values.push_back(p ? p->c_str() : nullptr);
  return values;
}

}  // namespace

sql_job::sql_job(worker& w, http_connection& http, sql_request request, batch_options batch,
                 response_mode mode) noexcept
    : w_(w), http_(&http), request_(std::move(request)), batch_(batch), mode_(mode) {}

void sql_job::start(worker& w, http_connection& http, const connection_target& target, sql_request request,
                    batch_options batch, response_mode mode) noexcept {
  auto* job = new sql_job(w, http, std::move(request), batch, mode);
  ++w.jobs;
  http.set_pending(job);
  w.pool.acquire(w.loop, target, job);  // may call back (and finish the job) before it returns
}

void sql_job::on_connection_failure(failure f) noexcept {
  answer(std::move(f));
  finish(false);
}

void sql_job::on_connection(pg_session* session) noexcept {
  session_ = session;
  conn_ = session->conn();
  session->set_user(this);
  if (request_.batch) {
    send_control(step::begin, begin_statement(batch_).c_str());
  } else {
    step_ = step::query;
    send_query();
  }
}

void sql_job::send_query() noexcept {
  const query_request& q = request_.queries[query_index_];
  const auto values = param_values(q);
  // A single query goes out with DISCARD ALL right behind it, each with its own Sync (so its
  // own implicit transaction), in one write: the server reads both in one wake-up, where a
  // reset in a round trip of its own halved the requests served (bench/gateway-load.mjs).
  const bool reset_behind = !request_.batch;
  if (reset_behind && !PQenterPipelineMode(conn_)) return abort_with(statement_failure(nullptr, conn_));
  // Types left to the server (null), text in and text out.
  if (!PQsendQueryParams(conn_, q.text.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                         nullptr, 0)) {
    failure f = statement_failure(nullptr, conn_);
    if (PQstatus(conn_) != CONNECTION_OK || (reset_behind && !PQexitPipelineMode(conn_))) {
      return abort_with(std::move(f));
    }
    // Refused before anything was sent (too many parameters).
    error_ = std::move(f);
    return step_done();
  }
  // Rows arrive one at a time, so an oversized result stops at the limit instead of being
  // held whole in memory first.
  PQsetSingleRowMode(conn_);
  if (reset_behind && !(PQpipelineSync(conn_) &&
                        PQsendQueryParams(conn_, "DISCARD ALL", 0, nullptr, nullptr, nullptr, nullptr, 0) &&
                        PQpipelineSync(conn_))) {
    return abort_with(statement_failure(nullptr, conn_));
  }
  result_.emplace(out_, mode_.raw_text, q.array_mode.value_or(mode_.array_mode));
  result_finished_ = false;
  flush_output();
}

void sql_job::send_control(step next, const char* sql) noexcept {
  step_ = next;
  if (!PQsendQuery(conn_, sql)) return abort_with(statement_failure(nullptr, conn_));
  flush_output();
}

void sql_job::flush_output() noexcept {
  const int pending = PQflush(conn_);
  if (pending < 0) return abort_with(statement_failure(nullptr, conn_));
  session_->want_write(pending == 1);
}

void sql_job::on_pg_io(uint32_t events) noexcept {
  if (events & EPOLLOUT) {
    const int pending = PQflush(conn_);
    if (pending < 0) return abort_with(statement_failure(nullptr, conn_));
    if (pending == 0) session_->want_write(false);
  }
  if (events & (EPOLLIN | EPOLLERR | EPOLLHUP)) {
    if (!PQconsumeInput(conn_)) return abort_with(statement_failure(nullptr, conn_));
    read_results();
  }
}

void sql_job::read_results() noexcept {
  if (PQpipelineStatus(conn_) != PQ_PIPELINE_OFF) return read_pipeline();
  while (!PQisBusy(conn_)) {
    PGresult* r = PQgetResult(conn_);
    if (r == nullptr) return step_done();  // the command is complete; the next may be sent
    const bool going = take_result(r);
    PQclear(r);
    if (!going) return;
  }
}

void sql_job::read_pipeline() noexcept {
  // libpq ends each statement's results with a null, then gives its Sync's result; a null is
  // also all there is when nothing more has come, hence at most two in a row.
  bool after_null = false;
  while (!PQisBusy(conn_)) {
    PGresult* r = PQgetResult(conn_);
    if (r == nullptr) {
      if (after_null) return;
      after_null = true;
      continue;
    }
    after_null = false;
    const bool sync = PQresultStatus(r) == PGRES_PIPELINE_SYNC;
    const bool going = sync ? sync_reached() : take_result(r);
    PQclear(r);
    if (!going) return;
  }
}

bool sql_job::sync_reached() noexcept {
  std::optional<failure> error = std::exchange(error_, std::nullopt);
  if (step_ == step::query) {
    if (!error && !result_finished_) error = statement_failure(nullptr, conn_);
    if (error) {
      answer(std::move(*error));
    } else {
      answer_body();
    }
    step_ = step::reset_discard;
    return true;
  }
  if (!PQexitPipelineMode(conn_)) {
    finish(false);
    return false;
  }
  // DISCARD ALL fails inside a transaction the query left open (BEGIN): restore_session
  // rolls it back and discards again.
  discarded_ = !error;
  restore_session();
  return false;
}

bool sql_job::take_result(const PGresult* r) noexcept {
  const auto status = PQresultStatus(r);
  if (error_) return true;  // drain: the connection takes no new command until the last result
  if (step_ != step::query) {
    if (status != PGRES_COMMAND_OK) error_ = statement_failure(r, conn_);
    return true;
  }
  switch (status) {
    case PGRES_SINGLE_TUPLE:
    case PGRES_TUPLES_OK:
    case PGRES_COMMAND_OK:
    case PGRES_EMPTY_QUERY:
      if (result_finished_) return true;
      if (!result_->begun()) result_->begin(r);
      for (int row = 0; row < PQntuples(r); ++row) {
        result_->row(r, row);
        if (out_.str().size() > mode_.max_bytes) {
          abort_with(gateway_failure(507, "response is too large (max is " +
                                                    std::to_string(mode_.max_bytes) + " bytes)"));
          return false;
        }
      }
      if (status != PGRES_SINGLE_TUPLE) {
        result_->finish(r);
        result_finished_ = true;
      }
      return true;
    case PGRES_COPY_IN:
    case PGRES_COPY_OUT:
    case PGRES_COPY_BOTH:
      abort_with(gateway_failure(400, "COPY is not supported over HTTP"));
      return false;
    default:
      error_ = statement_failure(r, conn_);
      return true;
  }
}

void sql_job::step_done() noexcept {
  std::optional<failure> error = std::exchange(error_, std::nullopt);
  switch (step_) {
    case step::begin:
      if (error) {
        answer(std::move(*error));
        return restore_session();
      }
      out_.begin_object();
      out_.key("results");
      out_.begin_array();
      step_ = step::query;
      return next_in_batch();
    case step::query:
      if (!error && !result_finished_) error = statement_failure(nullptr, conn_);
      if (error) {
        answer(std::move(*error));
        if (request_.batch) return send_control(step::rollback, "ROLLBACK");
        return restore_session();
      }
      if (!request_.batch) {
        answer_body();
        return restore_session();
      }
      ++query_index_;
      return next_in_batch();
    case step::commit:
      if (error) {
        answer(std::move(*error));
      } else {
        answer_body();
      }
      return restore_session();
    case step::rollback:
    case step::reset_rollback:
      if (error) return finish(false);
      return restore_session();
    case step::reset_discard:
      if (error) return finish(false);
      discarded_ = true;
      return restore_session();
  }
}

void sql_job::next_in_batch() noexcept {
  if (query_index_ < request_.queries.size()) return send_query();
  out_.end_array();
  out_.end_object();
  // COMMIT can fail too (a serialization failure, a deferred constraint).
  send_control(step::commit, "COMMIT");
}

void sql_job::restore_session() noexcept {
  if (PQstatus(conn_) != CONNECTION_OK) return finish(false);
  switch (PQtransactionStatus(conn_)) {
    case PQTRANS_IDLE:
      break;
    case PQTRANS_INTRANS:
    case PQTRANS_INERROR:
      return send_control(step::reset_rollback, "ROLLBACK");
    default:
      return finish(false);
  }
  if (!discarded_) return send_control(step::reset_discard, "DISCARD ALL");
  finish(true);
}

void sql_job::answer(failure f) noexcept {
  // A 503 is the pool's "no connection came free in time": worth retrying shortly.
  const std::string_view headers = f.http_status == 503 ? "Retry-After: 1\r\n" : "";
  if (http_) std::exchange(http_, nullptr)->respond(f.http_status, headers, std::move(f.body));
}

void sql_job::answer_body() noexcept {
  if (!http_) return;
  // Neon echoes the transaction mode a batch ran with.
  std::string headers;
  if (request_.batch) {
    if (!batch_.isolation.empty()) headers.append("Neon-Batch-Isolation-Level: ").append(batch_.isolation).append("\r\n");
    if (batch_.read_only) headers.append("Neon-Batch-Read-Only: true\r\n");
    if (batch_.deferrable) headers.append("Neon-Batch-Deferrable: true\r\n");
  }
  std::exchange(http_, nullptr)->respond(200, headers, out_.take());
}

void sql_job::abort_with(failure f) noexcept {
  answer(std::move(f));
  finish(false);
}

void sql_job::finish(bool keep_connection) noexcept {
  if (session_) w_.pool.release(session_, keep_connection);
  --w_.jobs;
  delete this;
}

}  // namespace sluice::gateway
