#pragma once
// The input validator: a drizzle-zod-style schema derived from a table (insert or update
// mode, omit/pick, strict or strip) plus refinements, run over request body bytes. It
// collects every issue (never only the first) and answers with zod 3's flatten() shape.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "schema/catalog.h"
#include "validate/regex.h"
#include "validate/rules.h"

namespace sluice::validate {

struct validator {
  std::vector<column_rule> columns;  // the accepted keys, in schema column order
  std::vector<regex> patterns;       // compiled regex refinements
  bool strict = false;               // unknown keys are an issue, not silently dropped
};

// Builds a validator from a spec (docs/internals.md §4):
//   {"table":"users","mode":"insert|update","omit":[...]?,"pick":[...]?,
//    "unknownKeys":"strict|strip","refine":{"email":[{"check":"email"},{"check":"max","value":320}]}}
// Checks: email url uuid min max length regex (with "pattern" and optional "flags") int gt gte lt
// lte. Errors: invalid_json; unknown_table; unknown_column (omit, pick or refine names a column
// the table lacks); unknown_enum; invalid_document (a malformed spec, a check that does not
// apply to the column's type, an unsupported regex).
[[nodiscard]] result<validator> load_validator(const schema::catalog& catalog,
                                               std::string_view spec_json) noexcept;

struct outcome {
  enum class kind : uint8_t { accepted, rejected, malformed } kind;
  // accepted: the accepted object (known keys only, schema order, timestamps as
  // YYYY-MM-DDTHH:MM:SS.sssZ); rejected: {"formErrors":[...],"fieldErrors":{...}};
  // malformed: {"code":"invalid_json","message":"..."}.
  std::string json;
};

// Validates a request body. `padded_body` must be followed by at least
// simdjson::SIMDJSON_PADDING readable bytes.
[[nodiscard]] outcome validate(const validator& v, std::string_view padded_body) noexcept;

}  // namespace sluice::validate
