#include <utility>

#include "sql/clauses.h"
#include "sql/families.h"
#include "sql/nested.h"
#include "sql/types.h"

namespace sluice::sql {
namespace {

// The test that a left-joined source matched no row: its primary key is null (a table without
// one, or a subquery: every column is null, the decoder's rule for a group).
void append_absent_test(compile_context& ctx, const schema::table* t,
                        const query::named_source* named) {
  const char* separator = "";
  if (named) {
    for (const auto& f : named->fields) {
      ctx.text(std::exchange(separator, " and "));
      ctx.qualified(named->alias, f.key);
      ctx.text(" is null");
    }
    return;
  }
  for (const auto& c : t->columns) {
    const bool key_column = !t->primary_key.empty() && c.key == t->primary_key.front();
    if (!t->primary_key.empty() && !key_column) continue;
    ctx.text(std::exchange(separator, " and "));
    ctx.qualified(t->name, c.name);
    ctx.text(" is null");
  }
}

// One source's cells of a select without projection: a table's columns, or a subquery's or
// CTE's fields read as `"alias"."key"`. Errors: those of output_plan_field.
result<std::vector<decode::field>> append_source_cells(compile_context& ctx, const schema::table* t,
                                                       const query::named_source* named,
                                                       bool qualified, const char*& separator) {
  std::vector<decode::field> columns;
  if (named) {
    for (const auto& f : named->fields) {
      SLUICE_TRY(field, output_plan_field(ctx.exprs(), f));
      ctx.text(std::exchange(separator, ", "));
      append_source_field_cell(ctx, field, named->alias, reads_database_json(ctx.exprs(), f.value));
      columns.push_back(std::move(field));
    }
    return columns;
  }
  for (const auto& c : t->columns) {
    ctx.text(std::exchange(separator, ", "));
    append_column_cell(ctx, c.key, qualified ? t->name : std::string_view{}, c);
    columns.push_back(scalar_field(c.key, c));
  }
  return columns;
}

// Without a projection every column of every source is selected; with joins each source's
// columns form one group keyed by the table key (or the subquery's alias), as drizzle returns
// them. On builds_final_json dialects a group is a nested json_object, null for a left join's
// missing row.
status append_all_columns(compile_context& ctx, const query::select_query& q,
                          std::vector<decode::field>& fields) {
  const bool joined = !q.joins.empty();
  const bool nest = joined && ctx.caps().builds_final_json;
  std::vector<std::pair<const schema::table*, const query::named_source*>> sources{
      {q.table, q.named.get()}};
  std::vector<bool> optional{false};
  for (const auto& j : q.joins) {
    // A right or full join can leave every source before it without a row, as drizzle types it.
    if (j.type == query::join_type::right || j.type == query::join_type::full)
      optional.assign(optional.size(), true);
    sources.emplace_back(j.table, j.named.get());
    optional.push_back(j.type == query::join_type::left || j.type == query::join_type::full);
  }
  const char* separator = "";
  for (size_t i = 0; i < sources.size(); ++i) {
    const auto [t, named] = sources[i];
    const std::string& key = named ? named->alias : t->key;
    if (nest) {
      ctx.text(std::exchange(separator, ", "));
      append_cell_key(ctx, key);
      if (optional[i]) {
        ctx.text("case when ");
        append_absent_test(ctx, t, named);
        ctx.text(" then null else ");
      }
      ctx.text(ctx.dialect().json_row_function());
      ctx.text("(");
      separator = "";
    }
    SLUICE_TRY(columns, append_source_cells(ctx, t, named, joined, separator));
    if (nest) ctx.text(optional[i] ? ") end" : ")");
    if (!joined) {
      fields = std::move(columns);
      return ok_status();
    }
    fields.push_back(
        decode::field{key, decode::field_kind::group, decode::value_type::text, std::move(columns)});
  }
  return ok_status();
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
    SLUICE_CHECK(append_all_columns(ctx, q, out.plan.fields));
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
