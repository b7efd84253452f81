#pragma once
// Selects inside a statement (subqueries, CTE bodies, set operation members) and the clauses
// every select shares. A nested select is plain SQL: each field is `<expr> as "<key>"` with
// its value as stored; only the outermost query converts values for the caller.
#include <memory>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "query/select.h"
#include "sql/expressions.h"

namespace sluice::sql {

// `select ...` of `q` and its set operations, order and paging.
void append_nested_select(compile_context& ctx, const query::select_query& q) noexcept;

// `with "a" as (select ...), ... ` before a statement; nothing without CTEs.
void append_with(compile_context& ctx,
                 const std::vector<std::shared_ptr<const query::named_source>>& ctes) noexcept;

// What follows `from` or a join keyword: a table, `(select ...) "alias"`, or a CTE's name.
void append_source(compile_context& ctx, const schema::table* table,
                   const query::named_source* named) noexcept;

// ` inner join ...` and the others, with their sources and conditions.
void append_joins(compile_context& ctx, const std::vector<query::join_clause>& joins) noexcept;

// ` distinct` or ` distinct on (...)` after `select`. Errors: unsupported_feature (distinct on
// without the capability).
[[nodiscard]] status append_distinct(compile_context& ctx, const query::select_query& q,
                                     column_style style) noexcept;

// ` group by ...` and ` having ...`.
void append_group_by(compile_context& ctx, const query::select_query& q) noexcept;

// `select ... union [all] select ...`: `q` and its set operations, without order or paging (a
// capability missing is recorded with ctx.fail).
void append_combined_rows(compile_context& ctx, const query::select_query& q) noexcept;
// ` order by "key" ...` of combined rows. Errors: invalid_value (a term that is not one of the
// selected fields).
[[nodiscard]] status append_combined_order_by(compile_context& ctx,
                                              const query::select_query& q) noexcept;

// Makes the tables of `q` visible to its column references (leave_tables undoes it).
void enter_tables(compile_context& ctx, const query::select_query& q) noexcept;
void leave_tables(compile_context& ctx, const query::select_query& q) noexcept;

}  // namespace sluice::sql
