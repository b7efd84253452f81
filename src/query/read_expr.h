#pragma once
// Readers for the spec pieces every statement family shares: expressions, where, orderBy and
// paging. Every error carries the JSON path of the member at fault.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dom.h"
#include "core/result.h"
#include "query/common.h"
#include "query/select.h"

namespace sluice::query {

using json_path = std::vector<std::string>;

[[nodiscard]] json_path child(const json_path& path, std::string_view member) noexcept;
[[nodiscard]] json_path child(const json_path& path, size_t index) noexcept;
[[nodiscard]] error invalid_at(std::string message, const json_path& path) noexcept;
[[nodiscard]] result<dom::object> object_at(dom::element e, const json_path& path) noexcept;
[[nodiscard]] result<dom::array> array_at(dom::element e, const json_path& path) noexcept;
// The string member `key` of `o`; `path` is the path of `o`.
[[nodiscard]] result<std::string_view> string_at(dom::object o, std::string_view key,
                                                 const json_path& path) noexcept;

// Where expressions land and which tables their column references may name (innermost last:
// a key resolves to the innermost table that has it; empty where no column can be read).
// `catalog` resolves the tables a raw fragment names.
struct expr_reader {
  const schema::catalog& catalog;
  expr_pool& pool;
  std::vector<const schema::table*> scope;
  size_t depth = 0;  // operators around the expression being read
  // Subqueries and CTEs whose fields `{"field":[alias,key]}` may read, innermost last.
  std::vector<std::shared_ptr<const named_source>> sources = {};
  // The statement's CTEs, which `{"cte":name}` sources name.
  std::vector<std::shared_ptr<const named_source>> ctes = {};

  // The reader for the operands of an operator around this level. Errors: invalid_document
  // (nested too deep).
  [[nodiscard]] result<expr_reader> deeper(const std::vector<std::string>& path) const noexcept;
};

// A condition; an empty and/or (or a `not` of one) yields no condition at all.
// Errors: invalid_document, unknown_table, unknown_column.
[[nodiscard]] result<std::optional<expr_id>> read_condition(const expr_reader& r, dom::element e,
                                                            const json_path& path) noexcept;
// A value: anything but an empty condition. Errors: as read_condition.
[[nodiscard]] result<expr_id> read_operand(const expr_reader& r, dom::element e,
                                           const json_path& path) noexcept;
// `[E, ...]`: values (groupBy, distinctOn). Errors: as read_operand.
[[nodiscard]] result<std::vector<expr_id>> read_operands(const expr_reader& r, dom::element e,
                                                         const json_path& path) noexcept;
// `{"param":N}`. Errors: invalid_document.
[[nodiscard]] result<param_ref> read_param(dom::element e, const json_path& path) noexcept;

// The optional members `where`, `orderBy`, `limit`/`offset` of `o`.
[[nodiscard]] result<std::optional<expr_id>> read_where(const expr_reader& r, dom::object o,
                                                        const json_path& path) noexcept;
[[nodiscard]] result<std::vector<order_term>> read_order_by(const expr_reader& r, dom::object o,
                                                            const json_path& path) noexcept;
[[nodiscard]] result<paging> read_paging(dom::object o, const json_path& path) noexcept;
// `[{"key":"...","expr":E}, ...]` at `e`.
[[nodiscard]] result<std::vector<output_field>> read_output_fields(const expr_reader& r,
                                                                   dom::element e,
                                                                   const json_path& path) noexcept;

}  // namespace sluice::query
