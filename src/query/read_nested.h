#pragma once
// Readers for selects inside a statement: subqueries as values, subqueries and CTEs as row
// sources, the fields read from them, set operations and the `with` list.
#include "query/read_expr.h"

namespace sluice::query {

// A select body at `e`, read in `outer`'s scope (a subquery may read the columns of the
// queries around it). Its fields are always listed: a select of every column gets them
// spelled out, so outer queries know each field's key and type.
// Errors: invalid_document, unknown_table, unknown_column, invalid_value, unsupported_feature.
[[nodiscard]] result<std::shared_ptr<const select_query>> read_nested_select(
    const expr_reader& outer, dom::element e, const json_path& path) noexcept;

// `{"select":{body}}` as a value: a subquery node. Errors: as read_nested_select.
[[nodiscard]] result<expr_id> read_subquery(const expr_reader& r, dom::element body,
                                            const json_path& path) noexcept;
// Errors: invalid_value when `query` (a subquery node) does not select exactly one field.
[[nodiscard]] status require_one_field(const expr_pool& pool, expr_id query,
                                       const json_path& path) noexcept;

// `[alias, key]`: a field of a subquery or CTE in scope. Errors: invalid_document,
// unknown_table (no such source), unknown_column (no such field).
[[nodiscard]] result<expr_id> read_field(const expr_reader& r, dom::element e,
                                         const json_path& path) noexcept;

// A named source in `o` (a `from` member or a join): `{"as":alias,"query":{body}}` or
// `{"cte":name}`; null when `o` names neither. Errors: as read_nested_select, unknown_table
// (no such CTE).
[[nodiscard]] result<std::shared_ptr<const named_source>> read_named_source(
    const expr_reader& r, dom::object o, const json_path& path) noexcept;

// The statement's `"with":[{"as":name,"query":{body}},...]`, each CTE visible to the ones
// after it. Errors: as read_nested_select, invalid_value (a name given twice).
[[nodiscard]] result<std::vector<std::shared_ptr<const named_source>>> read_with(
    const expr_reader& r, dom::object root, const json_path& path) noexcept;

// `"setOps":[{"op":"union|unionAll|intersect|intersectAll|except|exceptAll","query":{body}}]`
// after `first`, each member read in `outer`'s scope with the same field keys as `first`.
// Errors: as read_nested_select, invalid_value (fields differ).
[[nodiscard]] result<std::vector<set_operation>> read_set_operations(
    const expr_reader& outer, dom::object o, const select_query& first,
    const json_path& path) noexcept;

// The fields of a select without a projection and without joins: every column of its table,
// or every field of its source, spelled out. Errors: unsupported_feature (joins).
[[nodiscard]] status spell_out_fields(expr_pool& pool, select_query& q,
                                      const json_path& path) noexcept;

}  // namespace sluice::query
