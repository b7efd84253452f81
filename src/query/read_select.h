#pragma once
// The reader of a select, top-level or nested (parse_spec.cpp).
#include "query/read_expr.h"

namespace sluice::query {

// A select at `o`, read in `outer`'s scope. `nested`: a subquery, a CTE body or a set
// operation's member, which has no schema, dialect, kind or CTEs of its own.
// Errors: invalid_document, unknown_table, unknown_column, invalid_value, unsupported_feature.
[[nodiscard]] result<select_query> read_select(const expr_reader& outer, dom::object o,
                                               const json_path& path, bool nested) noexcept;

}  // namespace sluice::query
