// insert: every column of the table is listed (as drizzle does), the ones a row leaves out are
// filled by the dialect, and rows are split over several statements when one statement would
// bind more parameters than the database accepts.
#include <algorithm>

#include "sql/clauses.h"
#include "sql/families.h"
#include "sql/nested.h"
#include "sql/types.h"

namespace sluice::sql {
namespace {

const query::assignment* find_value(const std::vector<query::assignment>& row,
                                    const schema::column& c) {
  for (const auto& a : row)
    if (a.column == &c) return &a;
  return nullptr;
}

// Errors: invalid_value (a column that needs a value has none and no database default).
status append_row(compile_context& ctx, const schema::table& t,
                  const std::vector<query::assignment>& row, size_t index) {
  ctx.text("(");
  for (size_t i = 0; i < t.columns.size(); ++i) {
    const schema::column& c = t.columns[i];
    if (i) ctx.text(", ");
    if (const auto* a = find_value(row, c)) {
      append_expr(ctx, a->value, column_style::bare, param_type_of(c));
    } else if (c.not_null && !has_database_default(c)) {
      return make_error(error_code::invalid_value,
                        "column \"" + t.key + "." + c.key + "\" needs a value",
                        {"rows", std::to_string(index), c.key});
    } else {
      ctx.dialect().missing_insert_value(ctx, c);
    }
  }
  ctx.text(")");
  return ok_status();
}

// `on conflict ...` and `returning ...`: the part after the rows, the same in every chunk.
status append_tail(compile_context& ctx, const query::insert_query& q, decode::plan& plan) {
  if (q.conflict) {
    ctx.text(" on conflict");
    for (size_t i = 0; i < q.conflict->target.size(); ++i) {
      ctx.text(i ? ", " : " (");
      ctx.identifier(q.conflict->target[i]->name);
    }
    if (!q.conflict->target.empty()) ctx.text(")");
    if (q.conflict->action == query::conflict_action::nothing) ctx.text(" do nothing");
    for (size_t i = 0; i < q.conflict->set.size(); ++i) {
      const query::assignment& a = q.conflict->set[i];
      ctx.text(i ? ", " : " do update set ");
      ctx.identifier(a.column->name);
      ctx.text(" = ");
      append_expr(ctx, a.value, column_style::qualified, param_type_of(*a.column));
    }
  }
  plan.shape = decode::result_shape::none;
  if (q.returning) {
    SLUICE_TRY(fields, append_returning(ctx, *q.table, *q.returning));
    plan.shape = decode::result_shape::rows;
    plan.fields = std::move(fields);
  }
  return ok_status();
}

status append_statement(compile_context& ctx, const query::insert_query& q, size_t begin,
                        size_t end) {
  const schema::table& t = *q.table;
  append_with(ctx, q.with);
  ctx.text("insert into ");
  ctx.identifier(t.name);
  for (size_t i = 0; i < t.columns.size(); ++i) {
    ctx.text(i ? ", " : " (");
    ctx.identifier(t.columns[i].name);
  }
  ctx.text(") values ");
  for (size_t r = begin; r < end; ++r) {
    if (r != begin) ctx.text(", ");
    SLUICE_CHECK(append_row(ctx, t, q.rows[r], r));
  }
  return ok_status();
}

// `insert into "t" ("a", "b") select ...`: the columns are the select's field keys. With an
// upsert the select sits in a derived table with `where true`: SQLite would otherwise read the
// `on` of `on conflict` as a join's.
status append_select_statement(compile_context& ctx, const query::insert_query& q) {
  const schema::table& t = *q.table;
  const auto& fields = *q.select->fields;
  append_with(ctx, q.with);
  for (const auto& c : t.columns) {
    const bool selected = std::any_of(fields.begin(), fields.end(),
                                      [&](const query::output_field& f) { return f.key == c.key; });
    if (!selected && c.not_null && !has_database_default(c))
      return make_error(error_code::invalid_value,
                        "column \"" + t.key + "." + c.key + "\" needs a value: select it",
                        {"select"});
  }
  ctx.text("insert into ");
  ctx.identifier(t.name);
  for (size_t i = 0; i < fields.size(); ++i) {
    ctx.text(i ? ", " : " (");
    ctx.identifier(t.find_column(fields[i].key)->name);
  }
  ctx.text(") ");
  if (q.conflict) ctx.text("select * from (");
  append_nested_select(ctx, *q.select);
  if (q.conflict) ctx.text(") \"rows\" where true");
  return ok_status();
}

}  // namespace

result<compiled> compile_insert(const dialect& d, const query::expr_pool& exprs,
                                const query::insert_query& q) noexcept {
  if (q.select) {
    compiled out;
    compile_context ctx(d, exprs);
    SLUICE_CHECK(append_select_statement(ctx, q));
    ctx.enter(q.table->key, q.table->name);
    SLUICE_CHECK(append_tail(ctx, q, out.plan));
    SLUICE_CHECK(ctx.check_param_limit());
    out.statements.push_back(ctx.take(write_returns(ctx, out.plan)));
    return out;
  }
  // Each row's parameter count, measured by compiling it on its own.
  std::vector<size_t> row_params;
  for (size_t r = 0; r < q.rows.size(); ++r) {
    compile_context scratch(d, exprs);
    SLUICE_CHECK(append_row(scratch, *q.table, q.rows[r], r));
    row_params.push_back(scratch.param_count());
  }
  compiled out;
  compile_context tail(d, exprs);
  tail.enter(q.table->key, q.table->name);
  SLUICE_CHECK(append_tail(tail, q, out.plan));
  const size_t limit = d.caps().max_params;
  for (size_t begin = 0; begin < q.rows.size();) {
    size_t end = begin;
    size_t used = tail.param_count();
    while (end < q.rows.size() && used + row_params[end] <= limit) used += row_params[end++];
    if (end == begin)
      return make_error(error_code::too_many_parameters,
                        "insert row " + std::to_string(begin) + " binds more than the " +
                            std::to_string(limit) + " parameters the database accepts",
                        {"rows", std::to_string(begin)});
    compile_context ctx(d, exprs);
    ctx.enter(q.table->key, q.table->name);
    SLUICE_CHECK(append_statement(ctx, q, begin, end));
    SLUICE_CHECK(append_tail(ctx, q, out.plan));
    SLUICE_CHECK(ctx.check_param_limit());
    out.statements.push_back(ctx.take(write_returns(ctx, out.plan)));
    begin = end;
  }
  return out;
}

}  // namespace sluice::sql
