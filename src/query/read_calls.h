#pragma once
// The aggregate and raw-fragment nodes of a spec expression; read_condition dispatches here.
#include <string_view>

#include "query/read_expr.h"

namespace sluice::query {

// `{"agg":name,"arg":E?,"distinct":bool?}`; `name` is the "agg" member's text.
// Errors: invalid_document, and those of the argument.
[[nodiscard]] result<expr_id> read_aggregate(const expr_reader& r, dom::object o,
                                             std::string_view name, const json_path& path) noexcept;
// `{"sql":[part,...],"mapWith":...?}`. Errors: invalid_document, unknown_table, unknown_column.
[[nodiscard]] result<expr_id> read_raw(const expr_reader& r, dom::object o,
                                       const json_path& path) noexcept;

}  // namespace sluice::query
