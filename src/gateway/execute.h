#pragma once
// Runs a parsed request on a pooled connection and returns Neon's response body
// (wire-protocols A4-A6). Each query goes through PQsendQueryParams with no parameter types
// and text results: the extended protocol with the unnamed statement, as Neon's proxy uses,
// so parameters are never spliced into SQL and Postgres itself refuses a query holding more
// than one statement (42601).
#include <string>

#include "gateway/batch_options.h"
#include "gateway/outcome.h"
#include "gateway/pool.h"
#include "gateway/request.h"

namespace sluice::gateway {

struct response_mode {
  bool raw_text = false;     // Neon-Raw-Text-Output
  bool array_mode = false;   // Neon-Array-Mode; a query's own `arrayMode` overrides it
  size_t max_bytes = 10u << 20;
};

// A single query runs on its own (autocommit); a batch runs in one transaction begun with
// `batch`'s mode and rolled back on the first error, which is the one reported. Errors: 400
// with the server's error fields, 507 when the body would pass `max_bytes`, 500 when the
// connection breaks. The connection goes back to its pool in the state it came out in:
// an open transaction is rolled back, and after a statement that may have changed session
// state (SET, PREPARE, temporary tables, ...) the session is reset with DISCARD ALL.
[[nodiscard]] outcome<std::string> execute(pooled_connection& conn, const sql_request& request,
                                           const batch_options& batch,
                                           const response_mode& mode) noexcept;

}  // namespace sluice::gateway
