#pragma once
// A decode plan: what the rows of one compiled statement look like and how each cell becomes
// output JSON. The SQL compiler fills it; the decoder walks it. Plain data.
#include <cstdint>
#include <string>
#include <vector>

namespace sluice::decode {

// How a cell is converted, whatever JSON token carries it (see docs/internals.md §3).
enum class value_type : uint8_t {
  integer,    // number out
  bigint,     // number out when it is a safe integer, otherwise a string
  real,       // number out
  numeric,    // string out, digits kept exactly
  text,       // string out (also varchar, enum, uuid)
  boolean,    // true/false out, from true/false, 0/1, "t"/"f"
  timestamp,  // "YYYY-MM-DDTHH:MM:SS.sssZ" out, from epoch ms or Postgres/ISO text
  date,       // "YYYY-MM-DD" out
  json,       // the JSON value itself out, from a JSON token or a string holding JSON
};

enum class field_kind : uint8_t {
  scalar,         // one cell
  group,          // the next `children.size()` cells form an object (joined table, no projection);
                  // the object is null when every cell is null
  relation_one,   // one cell holding [cells...] or null (or a string holding that JSON)
  relation_many,  // one cell holding [[cells...], ...] (or a string holding that JSON)
};

struct field {
  std::string key;  // output key (camelCase, from the schema or the projection)
  field_kind kind = field_kind::scalar;
  value_type type = value_type::text;  // scalars only
  std::vector<field> children;         // groups and relations
};

enum class result_shape : uint8_t {
  rows,   // [ {...}, ... ]
  first,  // {...} or null
  count,  // a number: the single cell of the single row
  none,   // no rows expected (writes without returning): output "null"
};

struct plan {
  result_shape shape = result_shape::rows;
  std::vector<field> fields;
};

}  // namespace sluice::decode
