#include <variant>

#include "sql/clauses.h"
#include "sql/nested.h"

namespace sluice::sql {
namespace {

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

std::string_view set_keyword(const query::set_operation& s) {
  switch (s.op) {
    case query::set_operator::union_: return s.all ? " union all " : " union ";
    case query::set_operator::intersect: return s.all ? " intersect all " : " intersect ";
    case query::set_operator::except: return s.all ? " except all " : " except ";
  }
  return " union ";
}

// The key of the field of `fields` that `term` selects: the same node, the same column or
// the same field of a source.
const std::string* output_key(const query::expr_pool& exprs,
                              const std::vector<query::output_field>& fields, query::expr_id term) {
  const query::expr& e = exprs[term];
  for (const auto& f : fields) {
    if (f.value.index == term.index) return &f.key;
    const query::expr& selected = exprs[f.value];
    if (const auto* c = std::get_if<query::column_ref>(&e)) {
      const auto* s = std::get_if<query::column_ref>(&selected);
      if (s && s->column == c->column && s->table_key == c->table_key) return &f.key;
    }
    if (const auto* r = std::get_if<query::field_ref>(&e)) {
      const auto* s = std::get_if<query::field_ref>(&selected);
      if (s && s->source == r->source && s->key == r->key) return &f.key;
    }
  }
  return nullptr;
}

// `select [distinct] <expr> as "key", ... from ... where ... group by ... having ...`.
void append_plain_body(compile_context& ctx, const query::select_query& q) {
  enter_tables(ctx, q);
  ctx.text("select");
  if (auto distinct = append_distinct(ctx, q, column_style::qualified); !distinct.ok())
    ctx.fail(distinct.err());
  ctx.text(" ");
  const auto& fields = *q.fields;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) ctx.text(", ");
    append_expr(ctx, fields[i].value, column_style::qualified);
    ctx.text(" as ");
    ctx.identifier(fields[i].key);
  }
  ctx.text(" from ");
  append_source(ctx, q.table, q.named.get());
  append_joins(ctx, q.joins);
  append_where(ctx, q.where);
  append_group_by(ctx, q);
  leave_tables(ctx, q);
}

}  // namespace

void enter_tables(compile_context& ctx, const query::select_query& q) noexcept {
  if (q.table) ctx.enter(q.table->key, q.table->name);
  for (const auto& j : q.joins)
    if (j.table) ctx.enter(j.table->key, j.table->name);
}

void leave_tables(compile_context& ctx, const query::select_query& q) noexcept {
  if (q.table) ctx.leave();
  for (const auto& j : q.joins)
    if (j.table) ctx.leave();
}

void append_nested_select(compile_context& ctx, const query::select_query& q) noexcept {
  append_combined_rows(ctx, q);
  if (!q.set_operations.empty()) {
    if (auto order = append_combined_order_by(ctx, q); !order.ok()) ctx.fail(order.err());
  } else {
    enter_tables(ctx, q);
    append_order_by(ctx, q.order_by);
    leave_tables(ctx, q);
  }
  append_paging(ctx, q.page, false);
}

void append_with(compile_context& ctx,
                 const std::vector<std::shared_ptr<const query::named_source>>& ctes) noexcept {
  for (size_t i = 0; i < ctes.size(); ++i) {
    ctx.text(i ? ", " : "with ");
    ctx.identifier(ctes[i]->alias);
    ctx.text(" as (");
    append_nested_select(ctx, *ctes[i]->query);
    ctx.text(")");
  }
  if (!ctes.empty()) ctx.text(" ");
}

void append_source(compile_context& ctx, const schema::table* table,
                   const query::named_source* named) noexcept {
  if (table) {
    ctx.identifier(table->name);
    return;
  }
  if (!named->cte) {
    ctx.text("(");
    append_nested_select(ctx, *named->query);
    ctx.text(") ");
  }
  ctx.identifier(named->alias);
}

void append_joins(compile_context& ctx, const std::vector<query::join_clause>& joins) noexcept {
  for (const auto& j : joins) {
    ctx.text(join_keyword(j.type));
    append_source(ctx, j.table, j.named.get());
    if (!j.on) continue;
    ctx.text(" on ");
    append_expr(ctx, *j.on, column_style::qualified);
  }
}

status append_distinct(compile_context& ctx, const query::select_query& q,
                       column_style style) noexcept {
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

void append_group_by(compile_context& ctx, const query::select_query& q) noexcept {
  for (size_t i = 0; i < q.group_by.size(); ++i) {
    ctx.text(i ? ", " : " group by ");
    append_expr(ctx, q.group_by[i], column_style::qualified);
  }
  if (!q.having) return;
  ctx.text(" having ");
  append_expr(ctx, *q.having, column_style::qualified);
}

void append_combined_rows(compile_context& ctx, const query::select_query& q) noexcept {
  append_plain_body(ctx, q);
  for (const auto& s : q.set_operations) {
    if (s.all && s.op != query::set_operator::union_ && !ctx.caps().set_operations_all)
      ctx.fail(make_error(error_code::unsupported_feature,
                          std::string(s.op == query::set_operator::intersect ? "intersectAll"
                                                                             : "exceptAll") +
                              " is Postgres only: SQLite has no intersect all / except all",
                          {"setOps"}));
    ctx.text(set_keyword(s));
    append_plain_body(ctx, *s.query);
  }
}

status append_combined_order_by(compile_context& ctx, const query::select_query& q) noexcept {
  for (size_t i = 0; i < q.order_by.size(); ++i) {
    const auto& term = q.order_by[i];
    ctx.text(i ? ", " : " order by ");
    if (const std::string* key = output_key(ctx.exprs(), *q.fields, term.value)) {
      ctx.identifier(*key);
    } else if (std::holds_alternative<query::raw_sql>(ctx.exprs()[term.value])) {
      append_expr(ctx, term.value, column_style::bare);
    } else {
      return make_error(error_code::invalid_value,
                        "orderBy of a set operation takes the selected fields (or sql)",
                        {"orderBy", std::to_string(i)});
    }
    switch (term.direction) {
      case query::sort_direction::asc: ctx.text(" asc"); break;
      case query::sort_direction::desc: ctx.text(" desc"); break;
      case query::sort_direction::unspecified: break;
    }
  }
  return ok_status();
}

}  // namespace sluice::sql
