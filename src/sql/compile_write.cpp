// update, delete and count: one table, an optional where, an optional returning.
#include "sql/clauses.h"
#include "sql/families.h"
#include "sql/nested.h"
#include "sql/types.h"

namespace sluice::sql {
namespace {

result<compiled> finish(compile_context& ctx, const schema::table& t,
                        const std::optional<query::returning_clause>& returning) {
  compiled out;
  out.plan.shape = decode::result_shape::none;
  if (returning) {
    SLUICE_TRY(fields, append_returning(ctx, t, *returning));
    out.plan.shape = decode::result_shape::rows;
    out.plan.fields = std::move(fields);
  }
  SLUICE_CHECK(ctx.check_param_limit());
  out.statements.push_back(ctx.take(write_returns(ctx, out.plan)));
  return out;
}

}  // namespace

result<compiled> compile_update(const dialect& d, const query::expr_pool& exprs,
                                const query::update_query& q) noexcept {
  compile_context ctx(d, exprs);
  append_with(ctx, q.with);
  ctx.enter(q.table->key, q.table->name);
  ctx.text("update ");
  ctx.identifier(q.table->name);
  for (size_t i = 0; i < q.set.size(); ++i) {
    ctx.text(i ? ", " : " set ");
    ctx.identifier(q.set[i].column->name);
    ctx.text(" = ");
    append_expr(ctx, q.set[i].value, column_style::qualified, param_type_of(*q.set[i].column));
  }
  append_where(ctx, q.where);
  return finish(ctx, *q.table, q.returning);
}

result<compiled> compile_delete(const dialect& d, const query::expr_pool& exprs,
                                const query::delete_query& q) noexcept {
  compile_context ctx(d, exprs);
  append_with(ctx, q.with);
  ctx.enter(q.table->key, q.table->name);
  ctx.text("delete from ");
  ctx.identifier(q.table->name);
  append_where(ctx, q.where);
  return finish(ctx, *q.table, q.returning);
}

result<compiled> compile_count(const dialect& d, const query::expr_pool& exprs,
                               const query::count_query& q) noexcept {
  compile_context ctx(d, exprs);
  ctx.enter(q.table->key, q.table->name);
  ctx.text("select count(*) from ");
  ctx.identifier(q.table->name);
  append_where(ctx, q.where);
  SLUICE_CHECK(ctx.check_param_limit());
  compiled out;
  out.plan.shape = decode::result_shape::count;
  out.plan.fields.push_back(
      decode::field{"count", decode::field_kind::scalar, decode::value_type::bigint, {}});
  out.statements.push_back(ctx.take(returns_kind::rows));
  return out;
}

}  // namespace sluice::sql
