#pragma once
// Cell values without Neon-Raw-Text-Output. The official driver always asks for raw text
// (every value a JSON string), so this mode serves other clients; it follows what Neon's proxy
// does (wire-protocols A6, "non-raw mode"), not how the official client parses values (A7):
//   bool -> true/false; int2, int4 -> number; float4, float8 -> number, but NaN and
//   +-Infinity stay strings; json, jsonb -> embedded JSON; arrays of built-in types -> JSON
//   arrays, elements converted by the same rules; everything else (int8 and numeric
//   included, so no precision is lost) -> string.
// Arrays of user-defined types (enums, domains, composites) stay strings: their OIDs are not
// fixed, and the gateway does not look them up in pg_type.
#include <libpq-fe.h>

#include <string_view>

#include "core/json_writer.h"

namespace sluice::gateway {

// Writes one non-null cell of type `type` whose text form is `text`.
void write_typed_value(json_writer& w, Oid type, std::string_view text) noexcept;

}  // namespace sluice::gateway
