#pragma once
// The body of POST /sql (wire-protocols A3): a single `{query, params, arrayMode}` or a batch
// `{queries: [...]}`. Unknown keys are ignored, as Neon's proxy does.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gateway/outcome.h"

namespace sluice::gateway {

struct query_request {
  std::string text;
  // Each parameter in Postgres' text form; nullopt is SQL NULL.
  std::vector<std::optional<std::string>> params;
  // The body-level `arrayMode`, which overrides the Neon-Array-Mode header for this query.
  std::optional<bool> array_mode;
};

struct sql_request {
  bool batch = false;
  std::vector<query_request> queries;  // exactly one when !batch
};

// Errors (HTTP 400): `could not parse the HTTP request body: ...` for malformed JSON or a
// body of neither shape; SQLSTATE 22021 for a NUL character in a query or parameter, which
// Postgres rejects too but libpq's C strings would silently cut instead.
[[nodiscard]] outcome<sql_request> parse_sql_request(std::string_view body) noexcept;

}  // namespace sluice::gateway
