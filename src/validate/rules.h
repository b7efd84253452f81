#pragma once
// What a loaded validator knows about each accepted column: the JSON it takes, whether it may
// be missing or null, and its checks (the column type's own, then the refinements) in the
// order zod would run them. Self-contained: it does not point into the catalog.
#include <cstdint>
#include <string>
#include <vector>

namespace sluice::validate {

// The JSON a column accepts, and so the zod type behind it.
enum class value_kind : uint8_t {
  number,       // integer, serial, bigint, bigserial, real: z.number() (+ range and int)
  numeric,      // numeric: a decimal string, or a number
  string,       // text, varchar, uuid
  boolean,
  timestamp,    // an ISO-8601 string with Z or an offset, normalised to UTC
  date,         // YYYY-MM-DD
  json,         // any JSON value
  enumeration,  // one of enum_values
};

enum class check_kind : uint8_t {
  min_length,    // strings: UTF-16 code units, as JS .length
  max_length,
  exact_length,
  email,
  url,
  uuid,
  pattern,       // a regex refinement: patterns[pattern_index]
  integer,       // numbers
  gt,
  gte,
  lt,
  lte,
};

struct check {
  check_kind kind;
  double bound = 0;  // lengths and comparisons
  uint32_t pattern_index = 0;
};

struct column_rule {
  std::string key;
  value_kind kind = value_kind::string;
  bool required = false;  // a missing key is an issue ("Required")
  bool nullable = false;  // null is accepted
  std::vector<check> checks;
  std::vector<std::string> enum_values;
  std::string enum_expected;  // `'admin' | 'editor' | 'viewer'`, as zod joins them
};

}  // namespace sluice::validate
