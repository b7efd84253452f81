#pragma once
// Reads findMany/findFirst specs: the root level and its nested `with` levels.
#include "query/read_expr.h"
#include "query/relational.h"

namespace sluice::query {

// Errors: invalid_document, unknown_column, unknown_relation, unknown_table.
[[nodiscard]] result<find_query> read_find(expr_pool& pool, const schema::catalog& cat,
                                           const schema::table& table, dom::object root,
                                           bool first) noexcept;

}  // namespace sluice::query
