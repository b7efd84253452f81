#include "sql/clauses.h"
#include "sql/families.h"
#include "sql/types.h"

namespace sluice::sql {
namespace {

// Without a projection every column of every table is selected; with joins each table's
// columns form one group keyed by the table key, as drizzle returns them.
void append_all_columns(compile_context& ctx, const query::select_query& q,
                        std::vector<decode::field>& fields) {
  const bool joined = !q.joins.empty();
  std::vector<const schema::table*> tables{q.table};
  for (const auto& j : q.joins) tables.push_back(j.table);
  bool first_cell = true;
  for (const schema::table* t : tables) {
    std::vector<decode::field> columns;
    for (const auto& c : t->columns) {
      if (!first_cell) ctx.text(", ");
      first_cell = false;
      append_column_cell(ctx, joined ? t->name : std::string_view{}, c,
                         ctx.caps().rows_as_json_text);
      columns.push_back(scalar_field(c.key, c));
    }
    if (!joined) {
      fields = std::move(columns);
      return;
    }
    fields.push_back(decode::field{t->key, decode::field_kind::group, decode::value_type::text,
                                   std::move(columns)});
  }
}

}  // namespace

result<compiled> compile_select(const dialect& d, const query::expr_pool& exprs,
                                const query::select_query& q) noexcept {
  compile_context ctx(d, exprs);
  ctx.enter(q.table->key, q.table->name);
  for (const auto& j : q.joins) ctx.enter(j.table->key, j.table->name);
  const column_style style = q.joins.empty() ? column_style::bare : column_style::qualified;

  compiled out;
  out.plan.shape = decode::result_shape::rows;
  begin_rows(ctx);
  if (q.fields) {
    for (size_t i = 0; i < q.fields->size(); ++i) {
      const auto& f = (*q.fields)[i];
      SLUICE_TRY(field, output_plan_field(exprs, f));
      if (i) ctx.text(", ");
      append_expr_cell(ctx, f.value, style, ctx.caps().rows_as_json_text);
      out.plan.fields.push_back(std::move(field));
    }
  } else {
    append_all_columns(ctx, q, out.plan.fields);
  }
  end_cells(ctx);
  ctx.text(" from ");
  ctx.identifier(q.table->name);
  for (const auto& j : q.joins) {
    ctx.text(j.type == query::join_type::inner ? " inner join " : " left join ");
    ctx.identifier(j.table->name);
    ctx.text(" on ");
    append_expr(ctx, j.on, column_style::qualified);
  }
  append_where(ctx, q.where);
  append_order_by(ctx, q.order_by);
  append_paging(ctx, q.page, false);
  end_rows(ctx);
  SLUICE_CHECK(ctx.check_param_limit());
  out.statements.push_back(ctx.take());
  return out;
}

}  // namespace sluice::sql
