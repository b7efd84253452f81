#pragma once
// One POST /sql request from the moment its body is parsed until its connection goes back to
// the pool (wire-protocols A4-A6). Each query is sent with PQsendQueryParams, no parameter
// types and text results: the extended protocol with the unnamed statement, as Neon's proxy
// uses it, so parameters are never spliced into SQL and Postgres itself refuses a query
// holding more than one statement (42601).
//
// A single query runs on its own (autocommit) on a connection of its own. A batch runs in one
// transaction begun with the Neon-Batch-* mode and rolled back on the first error, which is
// the one reported. Errors: 400 with the server's error fields, 507 when the body would pass
// the response limit, 500 when the connection breaks. A connection goes back to its pool as
// it came out, after the answer has gone: an open transaction is rolled back, then DISCARD
// ALL resets everything else a request can leave in a session (settings, role, temporary
// tables, prepared statements, cursors, advisory locks, LISTEN). It runs after every request,
// because a plain SELECT can change any of them (set_config, pg_advisory_lock, a function).
#include <cstddef>
#include <optional>
#include <string>

#include "core/json_writer.h"
#include "gateway/batch_options.h"
#include "gateway/connection_string.h"
#include "gateway/http_connection.h"
#include "gateway/pool.h"
#include "gateway/request.h"
#include "gateway/result_json.h"
#include "gateway/worker.h"

namespace sluice::gateway {

struct response_mode {
  bool raw_text = false;    // Neon-Raw-Text-Output
  bool array_mode = false;  // Neon-Array-Mode; a query's own `arrayMode` overrides it
  size_t max_bytes = 10u << 20;
};

class sql_job final : public pg_waiter, public pg_session_user, public pending_request {
 public:
  // Runs `request` and answers on `http`. The job owns itself from here on.
  static void start(worker& w, http_connection& http, const connection_target& target, sql_request request,
                    batch_options batch, response_mode mode) noexcept;

  void on_connection(pg_session* session) noexcept override;
  void on_connection_failure(failure f) noexcept override;
  void on_pg_io(uint32_t events) noexcept override;
  void abandon() noexcept override { http_ = nullptr; }

 private:
  enum class step { begin, query, commit, rollback, reset_rollback, reset_discard };

  sql_job(worker& w, http_connection& http, sql_request request, batch_options batch, response_mode mode) noexcept;

  void send_query() noexcept;
  // Sends the batch's next query, or COMMIT after the last.
  void next_in_batch() noexcept;
  void send_control(step next, const char* sql) noexcept;
  void flush_output() noexcept;
  void read_results() noexcept;
  // A single query and the DISCARD ALL behind it, in pipeline mode.
  void read_pipeline() noexcept;
  // False when the job has ended.
  bool sync_reached() noexcept;
  // False when the job has stopped (answered and closed its connection) mid-result.
  bool take_result(const PGresult* r) noexcept;
  void step_done() noexcept;
  void restore_session() noexcept;
  void answer(failure f) noexcept;
  void answer_body() noexcept;
  // Gives the connection back (or closes it) and deletes the job.
  void finish(bool keep_connection) noexcept;
  // The connection broke or cannot be used any more: answer `f` and close it.
  void abort_with(failure f) noexcept;

  worker& w_;
  http_connection* http_;  // null once answered or abandoned
  sql_request request_;
  batch_options batch_;
  response_mode mode_;
  pg_session* session_ = nullptr;
  PGconn* conn_ = nullptr;
  step step_ = step::begin;
  size_t query_index_ = 0;
  json_writer out_;
  std::optional<result_writer> result_;
  bool result_finished_ = false;
  std::optional<failure> error_;  // the first error of the step in progress
  bool discarded_ = false;        // DISCARD ALL has run since the request's last statement
};

}  // namespace sluice::gateway
