#include "gateway/execute.h"

#include <memory>
#include <optional>
#include <vector>

#include "gateway/error_json.h"
#include "gateway/result_json.h"

namespace sluice::gateway {
namespace {

struct result_deleter {
  void operator()(PGresult* r) const noexcept { PQclear(r); }
};
using owned_result = std::unique_ptr<PGresult, result_deleter>;

// What a request left behind on its session.
struct session_effects {
  bool unusable = false;          // results still pending, or a protocol state we cannot leave
  bool may_change_state = false;  // a statement whose effects can outlive the request
};

// Statements that cannot leave session state behind. Anything else (SET, PREPARE, LISTEN,
// DECLARE, CREATE TEMP TABLE, any DDL) costs one DISCARD ALL afterwards: rare in HTTP
// traffic, and a pooled session must not carry one request's state into the next. A state
// change through a function call inside a query (set_config, advisory locks) is not seen.
bool leaves_no_state(std::string_view command) noexcept {
  return command == "SELECT" || command == "INSERT" || command == "UPDATE" || command == "DELETE" ||
         command == "MERGE" || command == "EXPLAIN" || command == "SHOW";
}

outcome<done> run_query(PGconn* conn, const query_request& q, const response_mode& mode, json_writer& w,
                        session_effects& effects) {
  std::vector<const char*> values;
  values.reserve(q.params.size());
  for (const auto& p : q.params) values.push_back(p ? p->c_str() : nullptr);
  // Types left to the server (null), text in and text out.
  if (!PQsendQueryParams(conn, q.text.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                         nullptr, nullptr, 0)) {
    effects.unusable = PQstatus(conn) != CONNECTION_OK;
    return statement_failure(nullptr, conn);
  }
  // Rows arrive one at a time, so an oversized result stops at the limit instead of being
  // held whole in memory first.
  PQsetSingleRowMode(conn);

  result_writer out(w, mode.raw_text, q.array_mode.value_or(mode.array_mode));
  bool begun = false;
  bool finished = false;
  std::optional<failure> error;
  while (PGresult* raw = PQgetResult(conn)) {
    owned_result r(raw);
    if (error) continue;  // drain: the connection takes no new query until the last result
    switch (PQresultStatus(raw)) {
      case PGRES_SINGLE_TUPLE:
      case PGRES_TUPLES_OK:
      case PGRES_COMMAND_OK:
      case PGRES_EMPTY_QUERY: {
        if (!begun) out.begin(raw);
        begun = true;
        for (int row = 0; row < PQntuples(raw); ++row) {
          out.row(raw, row);
          if (w.str().size() > mode.max_bytes) {
            // The rest of the result is never read: the connection is closed instead.
            effects.unusable = true;
            return gateway_failure(507, "response is too large (max is " + std::to_string(mode.max_bytes) + " bytes)");
          }
        }
        if (PQresultStatus(raw) != PGRES_SINGLE_TUPLE) {
          out.finish(raw);
          finished = true;
          effects.may_change_state = effects.may_change_state || !leaves_no_state(command_of(PQcmdStatus(raw)));
        }
        break;
      }
      case PGRES_COPY_IN:
      case PGRES_COPY_OUT:
      case PGRES_COPY_BOTH:
        effects.unusable = true;
        return gateway_failure(400, "COPY is not supported over HTTP");
      default:
        error = statement_failure(raw, conn);
        break;
    }
  }
  if (error) return std::move(*error);
  if (!finished) {
    effects.unusable = true;
    return statement_failure(nullptr, conn);
  }
  return done{};
}

// A statement of the gateway's own (BEGIN, COMMIT, ROLLBACK, DISCARD ALL).
outcome<done> run_control(PGconn* conn, const std::string& sql) {
  owned_result r(PQexec(conn, sql.c_str()));
  if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) return statement_failure(r.get(), conn);
  return done{};
}

outcome<std::string> run_batch(PGconn* conn, const sql_request& request, const batch_options& batch,
                               const response_mode& mode, session_effects& effects) {
  auto begun = run_control(conn, begin_statement(batch));
  if (!begun.ok()) return std::move(begun.fail());
  json_writer w;
  w.begin_object();
  w.key("results");
  w.begin_array();
  for (const auto& q : request.queries) {
    auto ran = run_query(conn, q, mode, w, effects);
    if (!ran.ok()) {
      // A dead or busy connection is closed instead, which ends the transaction as well.
      if (!effects.unusable) (void)run_control(conn, "ROLLBACK");
      return std::move(ran.fail());
    }
  }
  w.end_array();
  w.end_object();
  // COMMIT can fail too (a serialization failure, a deferred constraint).
  auto committed = run_control(conn, "COMMIT");
  if (!committed.ok()) return std::move(committed.fail());
  return w.take();
}

// Leaves the session as a fresh one for the next request, or marks it for closing.
void restore_session(pooled_connection& lease, const session_effects& effects) {
  PGconn* conn = lease.get();
  bool keep = !effects.unusable && PQstatus(conn) == CONNECTION_OK;
  if (keep) {
    const auto tx = PQtransactionStatus(conn);
    if (tx == PQTRANS_INTRANS || tx == PQTRANS_INERROR) {
      keep = run_control(conn, "ROLLBACK").ok();
    } else if (tx != PQTRANS_IDLE) {
      keep = false;
    }
  }
  if (keep && effects.may_change_state) keep = run_control(conn, "DISCARD ALL").ok();
  if (!keep) lease.discard();
}

}  // namespace

outcome<std::string> execute(pooled_connection& lease, const sql_request& request, const batch_options& batch,
                             const response_mode& mode) noexcept {
  session_effects effects;
  outcome<std::string> body = std::string();
  if (request.batch) {
    body = run_batch(lease.get(), request, batch, mode, effects);
  } else {
    json_writer w;
    auto ran = run_query(lease.get(), request.queries[0], mode, w, effects);
    body = ran.ok() ? outcome<std::string>(w.take()) : outcome<std::string>(std::move(ran.fail()));
  }
  restore_session(lease, effects);
  return body;
}

}  // namespace sluice::gateway
