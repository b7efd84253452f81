#pragma once
// Expressions to SQL, the same for every statement family. Dialect differences come from the
// capability table (e.g. ilike) and the placeholder hook.
#include <vector>

#include "core/result.h"
#include "decode/plan.h"
#include "query/common.h"
#include "sql/context.h"

namespace sluice::sql {

// drizzle's rule: a single-table statement prints bare names in its select list, qualified
// ones in where/order by; with a join, or in a relational query, everything is qualified.
enum class column_style : uint8_t { bare, qualified };

// A parameter takes `hint` as its type unless the expression says better (the column it is
// compared with; text for like patterns).
void append_expr(compile_context& ctx, query::expr_id id, column_style style,
                 param_type hint = param_type::any) noexcept;

// A column, a parameter or a function call: never needs parentheses as an operand.
[[nodiscard]] bool is_atom(const compile_context& ctx, query::expr_id id) noexcept;

// The parameter type a value compared with or assigned to `id` should have.
[[nodiscard]] param_type type_hint(const compile_context& ctx, query::expr_id id) noexcept;

// The plan field for a projection or returning entry: the column's type, or boolean for a
// condition. Errors: unsupported_feature (a bare parameter, whose type no database can infer).
[[nodiscard]] result<decode::field> output_plan_field(const query::expr_pool& exprs,
                                                      const query::output_field& f) noexcept;

// The expression's value is a fragment's without `.mapWith()` (directly, or through the fields
// of subqueries): selected, it is the database's own JSON of it (raw_cell_function).
[[nodiscard]] bool reads_database_json(const query::expr_pool& exprs, query::expr_id id) noexcept;

// Every column reference the expression reads, in text order.
[[nodiscard]] std::vector<const query::column_ref*> columns_read(const query::expr_pool& exprs,
                                                                 query::expr_id id) noexcept;

}  // namespace sluice::sql
