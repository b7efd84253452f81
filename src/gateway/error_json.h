#pragma once
// Neon's error body (wire-protocols A8): always the same 17 keys in Neon's order, so the
// official client copies the same fields onto its NeonDbError whatever went wrong.
#include <libpq-fe.h>

#include <string_view>

#include "gateway/outcome.h"

namespace sluice::gateway {

// A failure the gateway detects itself (headers, body, limits, pool). `code` stays "" as in
// Neon, except where the gateway makes a check on Postgres' behalf (then Postgres' SQLSTATE).
[[nodiscard]] failure gateway_failure(int http_status, std::string_view message,
                                      std::string_view code = "") noexcept;

// A statement that failed: 400 with every field of the server's ErrorResponse. An error libpq
// raised itself (no SQLSTATE) is a 500 when the connection is gone and a 400 otherwise.
// `res` may be null when the statement could not even be sent.
[[nodiscard]] failure statement_failure(const PGresult* res, const PGconn* conn) noexcept;

// A connection that could not be opened: 400 when the server refused it (wrong password,
// unknown role or database), 500 when the server could not be reached.
[[nodiscard]] failure connect_failure(const PGconn* conn) noexcept;

}  // namespace sluice::gateway
