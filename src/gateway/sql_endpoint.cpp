#include "gateway/sql_endpoint.h"

#include "gateway/batch_options.h"
#include "gateway/connection_string.h"
#include "gateway/error_json.h"
#include "gateway/request.h"
#include "gateway/sql_job.h"

namespace sluice::gateway {
namespace {

void answer(http_connection& conn, failure f) noexcept { conn.respond(f.http_status, "", std::move(f.body)); }

// Neon's list lacks Neon-Batch-Deferrable (and Content-Type, which a browser's fetch with a
// JSON body sends); a browser could not send them cross-origin, so both are added here.
constexpr std::string_view preflight_headers =
    "Allow: OPTIONS, POST\r\n"
    "Access-Control-Allow-Methods: OPTIONS, POST\r\n"
    "Access-Control-Allow-Headers: Authorization, Content-Type, Neon-Connection-String, Neon-Raw-Text-Output, "
    "Neon-Array-Mode, Neon-Pool-Opt-In, Neon-Batch-Read-Only, Neon-Batch-Isolation-Level, Neon-Batch-Deferrable\r\n"
    "Access-Control-Max-Age: 86400\r\n";

void run_sql(worker& w, http_connection& conn, const http_request& r) noexcept {
  if (r.body_too_large) {
    return answer(conn, gateway_failure(413, "request is too large (max is " +
                                                 std::to_string(w.settings.max_request_bytes) + " bytes)"));
  }
  const auto connection_string = r.header("neon-connection-string");
  if (!connection_string) return answer(conn, gateway_failure(400, "invalid header: neon-connection-string"));
  auto target = parse_connection_string(*connection_string);
  if (!target.ok()) return answer(conn, std::move(target.fail()));

  // The body is JSON whatever the Content-Type says: the official client sends text/plain.
  auto request = parse_sql_request(r.body);
  if (!request.ok()) return answer(conn, std::move(request.fail()));

  batch_options batch;
  if (request.value().batch) {
    auto parsed = parse_batch_options(r.header("neon-batch-isolation-level"), r.header("neon-batch-read-only"),
                                      r.header("neon-batch-deferrable"));
    if (!parsed.ok()) return answer(conn, std::move(parsed.fail()));
    batch = parsed.value();
  }

  response_mode mode;
  // Only the exact value "true" turns either on, as in Neon.
  mode.raw_text = r.header("neon-raw-text-output") == "true";
  mode.array_mode = r.header("neon-array-mode") == "true";
  mode.max_bytes = w.settings.max_response_bytes;
  sql_job::start(w, conn, target.value(), std::move(request.value()), batch, mode);
}

}  // namespace

void route(worker& w, http_connection& conn, const http_request& r) noexcept {
  if (r.path() == "/sql") {
    if (r.method == "POST") return run_sql(w, conn, r);
    if (r.method == "OPTIONS") return conn.respond(200, preflight_headers, std::string());
  }
  answer(conn, gateway_failure(400, "query is not supported"));
}

}  // namespace sluice::gateway
