#pragma once
// Routing, as Neon's proxy does it (wire-protocols A1, A9): POST /sql runs SQL, OPTIONS /sql
// answers a CORS preflight, and every other path or method gets 400 `query is not supported`.
#include "gateway/http_connection.h"
#include "gateway/http_parser.h"
#include "gateway/worker.h"

namespace sluice::gateway {

// Answers `request` on `conn`, at once or, for SQL, once Postgres has answered.
void route(worker& w, http_connection& conn, const http_request& request) noexcept;

}  // namespace sluice::gateway
