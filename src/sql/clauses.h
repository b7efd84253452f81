#pragma once
// Clauses several statement families share: result cells and rows, where, order by, paging,
// returning. Each appends to the context and, where it selects, reports the plan fields.
#include <optional>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "decode/plan.h"
#include "query/writes.h"
#include "sql/expressions.h"

namespace sluice::sql {

// A column as a result cell; `qualifier` empty for a bare name. `json_row`: the cell sits in a
// JSON row constructor, where a json column stored as text must be re-read as JSON.
void append_column_cell(compile_context& ctx, std::string_view qualifier, const schema::column& c,
                        bool json_row) noexcept;
void append_expr_cell(compile_context& ctx, query::expr_id id, column_style style,
                      bool json_row) noexcept;

// A select's result rows. On rows_as_json_text dialects every row becomes one JSON array
// "r" and the statement returns all of them as one JSON text cell:
//   begin_rows   `<prefix>select json_array(`     else `select `
//   end_cells    `) as "r"`                       else nothing
//   end_rows     `<suffix>`                       else nothing
void begin_rows(compile_context& ctx) noexcept;
void end_cells(compile_context& ctx) noexcept;
void end_rows(compile_context& ctx) noexcept;

void append_where(compile_context& ctx, std::optional<query::expr_id> where) noexcept;
void append_order_by(compile_context& ctx, const std::vector<query::order_term>& terms) noexcept;
// `limit_one` writes a literal `limit 1` (findFirst, `one` relations) instead of the spec's.
void append_paging(compile_context& ctx, const query::paging& page, bool limit_one) noexcept;

// ` returning ...` (always bare names) and the plan fields of the returned rows.
// Errors: unsupported_feature (see output_plan_field).
[[nodiscard]] result<std::vector<decode::field>> append_returning(
    compile_context& ctx, const schema::table& t, const query::returning_clause& r) noexcept;

}  // namespace sluice::sql
