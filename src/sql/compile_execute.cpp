// db.execute(sql`...`): the fragment as written, its values bound and its tables and
// identifiers quoted here, as in every other statement; the rows stay the driver's objects.
#include "sql/families.h"

#include "sql/context.h"
#include "sql/expressions.h"

namespace sluice::sql {

result<compiled> compile_execute(const dialect& d, const query::expr_pool& exprs,
                                 const query::execute_query& q, const schema::catalog& cat) noexcept {
  compile_context ctx(d, exprs);
  for (const auto& t : cat.tables) ctx.enter(t.key, t.name);
  append_expr(ctx, q.statement, column_style::qualified);
  SLUICE_CHECK(ctx.check_param_limit());
  compiled out;
  out.plan.shape = decode::result_shape::none;
  out.statements.push_back(ctx.take(returns_kind::objects));
  return out;
}

}  // namespace sluice::sql
