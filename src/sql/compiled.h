#pragma once
// The compiler's output: statements with their parameter list, plus the decode plan.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "decode/plan.h"

namespace sluice::sql {

// How the JS side must encode a bound value for the dialect (docs/internals.md §2).
enum class param_type : uint8_t {
  integer, bigint, real, numeric, text, boolean, timestamp, date, json, uuid, any
};

struct param {
  std::optional<uint32_t> ref;  // index into the caller's values...
  std::string value_json;       // ...or a constant from the catalog, as JSON text
  param_type type = param_type::any;
  bool list = false;            // the value is an array of `type` items, bound as one
};

// What running the statement hands back (docs/internals.md §2).
enum class returns_kind : uint8_t {
  json,       // one row, one text cell: the caller's final JSON, passed through without decoding
  json_rows,  // one text cell per row: that row's final JSON object, joined into an array
  rows,       // result rows for the decoder
  none,       // no rows
  objects,    // the driver's own row objects (a raw statement): never decoded
};

struct statement {
  std::string sql;
  std::vector<param> params;
  returns_kind returns = returns_kind::rows;
};

struct compiled {
  std::vector<statement> statements;
  decode::plan plan;
  // Running the statements may change rows: what an error that cut them off must assume.
  bool writes = false;
};

}  // namespace sluice::sql
