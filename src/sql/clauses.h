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

// Result cells. On builds_final_json dialects every cell sits in a json_object row: it is
// preceded by its output key and converted to the JSON the caller receives
// (dialect::json_value_template); elsewhere it is the stored value. `qualifier` empty for a
// bare name.
void append_column_cell(compile_context& ctx, std::string_view key, std::string_view qualifier,
                        const schema::column& c) noexcept;
// `field` is the expression's plan field (output_plan_field): its key and output type.
void append_expr_cell(compile_context& ctx, const decode::field& field, query::expr_id id,
                      column_style style) noexcept;
// A cell reading the column `name` of a derived table (the rows of a set operation), typed by
// `field`; `database_json`: the value is a fragment's, as the database gives it.
void append_derived_cell(compile_context& ctx, const decode::field& field, std::string_view name,
                         bool database_json) noexcept;
// A cell reading the field `field.key` of the subquery or CTE `alias`, typed by `field`.
void append_source_field_cell(compile_context& ctx, const decode::field& field,
                              std::string_view alias, bool database_json) noexcept;
// `'key', ` before a cell of a json_object row; nothing on other dialects.
void append_cell_key(compile_context& ctx, std::string_view key) noexcept;

// A select's result rows. On builds_final_json dialects every row becomes one JSON object "r"
// and the statement returns the caller's final JSON as one text cell:
//   begin_rows   `<prefix>select json_object(`     else `select `
//   end_cells    `) as "r"`                        else nothing
//   end_rows     `<suffix>`                        else nothing
// `single_row`: the result is one object or null (findFirst), else an array.
void begin_rows(compile_context& ctx, bool single_row) noexcept;
// begin_rows in two steps, for what goes between `select` and the cells (`distinct`):
// `<prefix>select`, then ` json_object(` or ` `.
void begin_select(compile_context& ctx, bool single_row) noexcept;
void begin_cells(compile_context& ctx) noexcept;
void end_cells(compile_context& ctx) noexcept;
void end_rows(compile_context& ctx) noexcept;
// What a select's statement returns: the final JSON, or rows for the decoder.
[[nodiscard]] returns_kind select_returns(const compile_context& ctx) noexcept;
// What a write's statement returns: without a returning clause nothing; with one, each row's
// final JSON on builds_final_json dialects, else rows for the decoder.
[[nodiscard]] returns_kind write_returns(const compile_context& ctx,
                                         const decode::plan& plan) noexcept;

void append_where(compile_context& ctx, std::optional<query::expr_id> where) noexcept;
void append_order_by(compile_context& ctx, const std::vector<query::order_term>& terms) noexcept;
// `limit_one` writes a literal `limit 1` (findFirst, `one` relations) instead of the spec's.
void append_paging(compile_context& ctx, const query::paging& page, bool limit_one) noexcept;

// ` returning ...` (always bare names) and the plan fields of the returned rows. On
// builds_final_json dialects each row is one json_object of the same cells a select writes.
// Errors: unsupported_feature (see output_plan_field).
[[nodiscard]] result<std::vector<decode::field>> append_returning(
    compile_context& ctx, const schema::table& t, const query::returning_clause& r) noexcept;

}  // namespace sluice::sql
