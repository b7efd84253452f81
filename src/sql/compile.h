#pragma once
// The SQL compiler's entry point: a query spec (docs/internals.md §2) in, statements with
// their parameters and the decode plan out.
//
//   {"dialect":"postgres","kind":"select","table":"users","limit":{"param":0}}
//     pg:     select "id", "email", ... from "users" limit $1
//     sqlite: select '[' || coalesce(group_concat("r", ','), '') || ']'
//             from (select json_object('id', "id", 'email', "email", ...) as "r" from "users" limit ?)
#include <cstdint>
#include <string_view>

#include "core/result.h"
#include "schema/catalog.h"
#include "sql/compiled.h"

namespace sluice::sql {

enum class dialect_id : uint8_t { postgres, sqlite };

// The spec names its dialect (`"dialect":"postgres"|"sqlite"`); its `schema` member is
// ignored, the caller has already picked `cat`. Values never enter the SQL: every value is a
// placeholder bound from the caller's list or from a catalog constant.
// Errors: invalid_json, invalid_document, unknown_table, unknown_column, unknown_relation,
// unsupported_feature, invalid_value (empty update set, missing required insert value, no
// insert rows), too_many_parameters (one statement, or one insert row, over the dialect's
// bound-parameter limit).
[[nodiscard]] result<compiled> compile(const schema::catalog& cat,
                                       std::string_view spec_json) noexcept;

}  // namespace sluice::sql
