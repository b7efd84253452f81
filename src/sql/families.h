#pragma once
// One compile function per statement family, each in its own file; compile.cpp dispatches.
#include "core/result.h"
#include "query/query.h"
#include "sql/compiled.h"
#include "sql/dialect.h"

namespace sluice::sql {

[[nodiscard]] result<compiled> compile_select(const dialect& d, const query::expr_pool& exprs,
                                              const query::select_query& q) noexcept;
[[nodiscard]] result<compiled> compile_insert(const dialect& d, const query::expr_pool& exprs,
                                              const query::insert_query& q) noexcept;
[[nodiscard]] result<compiled> compile_update(const dialect& d, const query::expr_pool& exprs,
                                              const query::update_query& q) noexcept;
[[nodiscard]] result<compiled> compile_delete(const dialect& d, const query::expr_pool& exprs,
                                              const query::delete_query& q) noexcept;
[[nodiscard]] result<compiled> compile_count(const dialect& d, const query::expr_pool& exprs,
                                             const query::count_query& q) noexcept;
[[nodiscard]] result<compiled> compile_execute(const dialect& d, const query::expr_pool& exprs,
                                               const query::execute_query& q,
                                               const schema::catalog& cat) noexcept;
[[nodiscard]] result<compiled> compile_find(const dialect& d, const query::expr_pool& exprs,
                                            const query::find_query& q) noexcept;

}  // namespace sluice::sql
