// findMany/findFirst. Each nested level becomes a subquery that builds its rows as JSON: arrays
// (positional, as drizzle does) for the decoder, or the final objects on builds_final_json
// dialects; attached with `left join lateral` where the dialect has it, otherwise as a scalar
// subquery cell. A `many` level with orderBy/limit/offset first narrows
// its table in a wrapped subquery that selects only the columns the outer levels read.
#include <utility>

#include "sql/clauses.h"
#include "sql/families.h"
#include "sql/types.h"

namespace sluice::sql {
namespace {

using query::relation_level;

bool is_many(const relation_level& l) { return l.relation->kind == schema::relation_kind::many; }

bool is_wrapped(const relation_level& l) {
  return is_many(l) && (l.page.limit || l.page.offset || !l.order_by.empty());
}

std::string child_alias(const std::string& parent_alias, const relation_level& child) {
  return parent_alias + "_" + child.relation->key;
}

std::vector<decode::field> level_fields(const relation_level& level) {
  std::vector<decode::field> fields;
  for (const schema::column* c : level.columns) fields.push_back(scalar_field(c->key, *c));
  for (const auto& child : level.with)
    fields.push_back(decode::field{
        child.relation->key,
        is_many(child) ? decode::field_kind::relation_many : decode::field_kind::relation_one,
        decode::value_type::json, level_fields(child)});
  return fields;
}

class relational_compiler {
 public:
  explicit relational_compiler(compile_context& ctx) : ctx_(ctx) {}

  void cells(const relation_level& level, const std::string& alias) {
    const char* separator = "";
    for (const schema::column* c : level.columns) {
      ctx_.text(std::exchange(separator, ", "));
      append_column_cell(ctx_, c->key, alias, *c);
    }
    for (const auto& child : level.with) {
      ctx_.text(std::exchange(separator, ", "));
      append_cell_key(ctx_, child.relation->key);
      const std::string nested = child_alias(alias, child);
      if (ctx_.caps().lateral_joins) {
        ctx_.qualified(nested, "data");
        continue;
      }
      // A scalar subquery hands back text; re-reading it keeps it JSON inside the row.
      ctx_.text(ctx_.dialect().json_parse_function());
      ctx_.text("((");
      subquery(child, nested, level, alias);
      ctx_.text("))");
    }
  }

  void laterals(const relation_level& level, const std::string& alias) {
    if (!ctx_.caps().lateral_joins) return;
    for (const auto& child : level.with) {
      const std::string nested = child_alias(alias, child);
      ctx_.text(" left join lateral (");
      subquery(child, nested, level, alias);
      ctx_.text(") ");
      ctx_.identifier(nested);
      ctx_.text(" on true");
    }
  }

 private:
  // The level's rows as one JSON value named "data": an array of rows (many) or one row (one).
  void subquery(const relation_level& level, const std::string& alias, const relation_level& parent,
                const std::string& parent_alias) {
    ctx_.enter(level.table->key, alias);
    const bool many = is_many(level);
    const bool wrapped = is_wrapped(level);
    const dialect& d = ctx_.dialect();
    ctx_.text("select ");
    if (many) {
      ctx_.text("coalesce(");
      ctx_.text(d.json_aggregate_function());
      ctx_.text("(");
    }
    ctx_.text(d.json_row_function());
    ctx_.text("(");
    cells(level, alias);
    ctx_.text(")");
    if (wrapped && ctx_.caps().aggregate_order_by) append_order_by(ctx_, level.order_by);
    if (many) {
      ctx_.text("), ");
      ctx_.text(d.empty_json_array());
      ctx_.text(")");
    }
    ctx_.text(" as \"data\" from ");
    if (wrapped) {
      ctx_.text("(");
      narrowed_rows(level, alias, parent, parent_alias);
      ctx_.text(") ");
    } else {
      ctx_.identifier(level.table->name);
      ctx_.text(" ");
    }
    ctx_.identifier(alias);
    laterals(level, alias);
    if (!wrapped) {
      ctx_.text(" where ");
      join_and_where(level, alias, parent, parent_alias);
      append_order_by(ctx_, level.order_by);
      append_paging(ctx_, level.page, !many);
    }
    ctx_.leave();
  }

  void narrowed_rows(const relation_level& level, const std::string& alias,
                     const relation_level& parent, const std::string& parent_alias) {
    ctx_.text("select ");
    const char* separator = "";
    for (const schema::column* c : needed_columns(level)) {
      ctx_.text(std::exchange(separator, ", "));
      ctx_.qualified(alias, c->name);
    }
    if (*separator == '\0') ctx_.text("null");  // `columns: []` and nothing nested
    ctx_.text(" from ");
    ctx_.identifier(level.table->name);
    ctx_.text(" ");
    ctx_.identifier(alias);
    ctx_.text(" where ");
    join_and_where(level, alias, parent, parent_alias);
    append_order_by(ctx_, level.order_by);
    append_paging(ctx_, level.page, false);
  }

  // The relation's join (`child.references[i] = parent.fields[i]`) and the level's where.
  void join_and_where(const relation_level& level, const std::string& alias,
                      const relation_level& parent, const std::string& parent_alias) {
    const schema::relation& rel = *level.relation;
    const bool grouped = rel.fields.size() + (level.where ? 1 : 0) > 1;
    if (grouped) ctx_.text("(");
    for (size_t i = 0; i < rel.fields.size(); ++i) {
      if (i) ctx_.text(" and ");
      ctx_.qualified(alias, level.table->find_column(rel.references[i])->name);
      ctx_.text(" = ");
      ctx_.qualified(parent_alias, parent.table->find_column(rel.fields[i])->name);
    }
    if (level.where) {
      ctx_.text(" and ");
      append_expr(ctx_, *level.where, column_style::qualified);
    }
    if (grouped) ctx_.text(")");
  }

  // What the levels outside a wrapped subquery read from it, in table order: the selected
  // columns, the columns nested relations join on, the aggregate's order (when the dialect
  // orders there) and whatever nested where/orderBy clauses reference through this level.
  std::vector<const schema::column*> needed_columns(const relation_level& level) {
    const schema::table& t = *level.table;
    std::vector<bool> needed(t.columns.size(), false);
    auto mark = [&](const schema::column* c) {
      needed[static_cast<size_t>(c - t.columns.data())] = true;
    };
    auto mark_refs = [&](query::expr_id id) {
      for (const query::column_ref* ref : columns_read(ctx_.exprs(), id))
        if (ref->table_key == t.key) mark(ref->column);
    };
    for (const schema::column* c : level.columns) mark(c);
    for (const auto& child : level.with)
      for (const auto& f : child.relation->fields) mark(t.find_column(f));
    if (ctx_.caps().aggregate_order_by)
      for (const auto& term : level.order_by) mark_refs(term.value);
    auto visit_descendants = [&](const relation_level& l, auto& self) -> void {
      for (const auto& child : l.with) {
        if (child.table->key == t.key) continue;  // a nearer level of the same table shadows us
        if (child.where) mark_refs(*child.where);
        for (const auto& term : child.order_by) mark_refs(term.value);
        self(child, self);
      }
    };
    visit_descendants(level, visit_descendants);
    std::vector<const schema::column*> out;
    for (size_t i = 0; i < t.columns.size(); ++i)
      if (needed[i]) out.push_back(&t.columns[i]);
    return out;
  }

  compile_context& ctx_;
};

}  // namespace

result<compiled> compile_find(const dialect& d, const query::expr_pool& exprs,
                              const query::find_query& q) noexcept {
  compile_context ctx(d, exprs);
  const relation_level& root = q.root;
  const std::string alias = root.table->key;
  ctx.enter(root.table->key, alias);
  relational_compiler rc(ctx);
  begin_rows(ctx, q.first);
  rc.cells(root, alias);
  end_cells(ctx);
  ctx.text(" from ");
  ctx.identifier(root.table->name);
  ctx.text(" ");
  ctx.identifier(alias);
  rc.laterals(root, alias);
  append_where(ctx, root.where);
  append_order_by(ctx, root.order_by);
  append_paging(ctx, root.page, q.first);
  end_rows(ctx);
  SLUICE_CHECK(ctx.check_param_limit());
  compiled out;
  out.plan.shape = q.first ? decode::result_shape::first : decode::result_shape::rows;
  out.plan.fields = level_fields(root);
  out.statements.push_back(ctx.take(select_returns(ctx)));
  return out;
}

}  // namespace sluice::sql
