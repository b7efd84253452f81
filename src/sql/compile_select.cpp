#include <utility>

#include "sql/clauses.h"
#include "sql/families.h"
#include "sql/types.h"

namespace sluice::sql {
namespace {

// The test that a left-joined table matched no row: its primary key is null (a table without
// one: every column is null, the decoder's rule for a group).
void append_absent_test(compile_context& ctx, const schema::table& t) {
  const char* separator = "";
  for (const auto& c : t.columns) {
    const bool key_column = !t.primary_key.empty() && c.key == t.primary_key.front();
    if (!t.primary_key.empty() && !key_column) continue;
    ctx.text(std::exchange(separator, " and "));
    ctx.qualified(t.name, c.name);
    ctx.text(" is null");
  }
}

// Without a projection every column of every table is selected; with joins each table's
// columns form one group keyed by the table key, as drizzle returns them. On
// builds_final_json dialects a group is a nested json_object, null for a left join's missing
// row.
void append_all_columns(compile_context& ctx, const query::select_query& q,
                        std::vector<decode::field>& fields) {
  const bool joined = !q.joins.empty();
  const bool nest = joined && ctx.caps().builds_final_json;
  std::vector<const schema::table*> tables{q.table};
  std::vector<bool> optional{false};
  for (const auto& j : q.joins) {
    // A right or full join can leave every table before it without a row, as drizzle types it.
    if (j.type == query::join_type::right || j.type == query::join_type::full)
      optional.assign(optional.size(), true);
    tables.push_back(j.table);
    optional.push_back(j.type == query::join_type::left || j.type == query::join_type::full);
  }
  const char* separator = "";
  for (size_t i = 0; i < tables.size(); ++i) {
    const schema::table& t = *tables[i];
    if (nest) {
      ctx.text(std::exchange(separator, ", "));
      append_cell_key(ctx, t.key);
      if (optional[i]) {
        ctx.text("case when ");
        append_absent_test(ctx, t);
        ctx.text(" then null else ");
      }
      ctx.text(ctx.dialect().json_row_function());
      ctx.text("(");
      separator = "";
    }
    std::vector<decode::field> columns;
    for (const auto& c : t.columns) {
      ctx.text(std::exchange(separator, ", "));
      append_column_cell(ctx, c.key, joined ? t.name : std::string_view{}, c);
      columns.push_back(scalar_field(c.key, c));
    }
    if (nest) ctx.text(optional[i] ? ") end" : ")");
    if (!joined) {
      fields = std::move(columns);
      return;
    }
    fields.push_back(decode::field{t.key, decode::field_kind::group, decode::value_type::text,
                                   std::move(columns)});
  }
}

std::string_view join_keyword(query::join_type type) {
  switch (type) {
    case query::join_type::inner: return " inner join ";
    case query::join_type::left: return " left join ";
    case query::join_type::right: return " right join ";
    case query::join_type::full: return " full join ";
    case query::join_type::cross: return " cross join ";
  }
  return " inner join ";
}

// ` distinct` or ` distinct on (...)` after `select`. Errors: unsupported_feature (distinct on
// without the capability).
status append_distinct(compile_context& ctx, const query::select_query& q, column_style style) {
  switch (q.distinct) {
    case query::distinct_kind::none: return ok_status();
    case query::distinct_kind::rows: ctx.text(" distinct"); return ok_status();
    case query::distinct_kind::on: break;
  }
  if (!ctx.caps().distinct_on)
    return make_error(error_code::unsupported_feature,
                      "selectDistinctOn is Postgres only; use selectDistinct or groupBy",
                      {"distinctOn"});
  ctx.text(" distinct on (");
  for (size_t i = 0; i < q.distinct_on.size(); ++i) {
    if (i) ctx.text(", ");
    append_expr(ctx, q.distinct_on[i], style);
  }
  ctx.text(")");
  return ok_status();
}

void append_group_by(compile_context& ctx, const query::select_query& q) {
  for (size_t i = 0; i < q.group_by.size(); ++i) {
    ctx.text(i ? ", " : " group by ");
    append_expr(ctx, q.group_by[i], column_style::qualified);
  }
  if (!q.having) return;
  ctx.text(" having ");
  append_expr(ctx, *q.having, column_style::qualified);
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
  begin_select(ctx, false);
  SLUICE_CHECK(append_distinct(ctx, q, style));
  begin_cells(ctx);
  if (q.fields) {
    for (size_t i = 0; i < q.fields->size(); ++i) {
      const auto& f = (*q.fields)[i];
      SLUICE_TRY(field, output_plan_field(exprs, f));
      if (i) ctx.text(", ");
      append_expr_cell(ctx, field, f.value, style);
      out.plan.fields.push_back(std::move(field));
    }
  } else {
    append_all_columns(ctx, q, out.plan.fields);
  }
  end_cells(ctx);
  ctx.text(" from ");
  ctx.identifier(q.table->name);
  for (const auto& j : q.joins) {
    ctx.text(join_keyword(j.type));
    ctx.identifier(j.table->name);
    if (!j.on) continue;
    ctx.text(" on ");
    append_expr(ctx, *j.on, column_style::qualified);
  }
  append_where(ctx, q.where);
  append_group_by(ctx, q);
  append_order_by(ctx, q.order_by);
  append_paging(ctx, q.page, false);
  end_rows(ctx);
  SLUICE_CHECK(ctx.check_param_limit());
  out.statements.push_back(ctx.take(select_returns(ctx)));
  return out;
}

}  // namespace sluice::sql
