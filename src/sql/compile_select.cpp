#include <utility>

#include "sql/clauses.h"
#include "sql/families.h"
#include "sql/nested.h"
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

// `select <cells> from (<members combined>) "combined" order by ... limit ...`: the cells read
// the combined rows by key, typed by the first member's fields.
result<compiled> compile_combined(compile_context& ctx, const query::select_query& q) {
  compiled out;
  out.plan.shape = decode::result_shape::rows;
  begin_rows(ctx, false);
  for (size_t i = 0; i < q.fields->size(); ++i) {
    const auto& f = (*q.fields)[i];
    SLUICE_TRY(field, output_plan_field(ctx.exprs(), f));
    if (i) ctx.text(", ");
    append_derived_cell(ctx, field, f.key, reads_database_json(ctx.exprs(), f.value));
    out.plan.fields.push_back(std::move(field));
  }
  end_cells(ctx);
  ctx.text(" from (");
  append_combined_rows(ctx, q);
  ctx.text(") ");
  ctx.identifier("combined");
  SLUICE_CHECK(append_combined_order_by(ctx, q));
  append_paging(ctx, q.page, false);
  end_rows(ctx);
  SLUICE_CHECK(ctx.check_param_limit());
  out.statements.push_back(ctx.take(select_returns(ctx)));
  return out;
}

}  // namespace

result<compiled> compile_select(const dialect& d, const query::expr_pool& exprs,
                                const query::select_query& q) noexcept {
  compile_context ctx(d, exprs);
  append_with(ctx, q.with);
  if (!q.set_operations.empty()) return compile_combined(ctx, q);
  enter_tables(ctx, q);
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
  append_source(ctx, q.table, q.named.get());
  append_joins(ctx, q.joins);
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
