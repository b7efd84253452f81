#include "sql/clauses.h"

#include <variant>

#include "sql/types.h"

namespace sluice::sql {

namespace {

// Writes the dialect's conversion for `type` around the cell `write_cell` appends, once per
// `{}` in the template.
template <typename WriteCell>
void append_json_value(compile_context& ctx, decode::value_type type, WriteCell write_cell) {
  std::string_view rest = ctx.dialect().json_value_template(type);
  if (rest.empty()) {
    write_cell();
    return;
  }
  for (size_t at = rest.find("{}"); at != std::string_view::npos; at = rest.find("{}")) {
    ctx.text(rest.substr(0, at));
    write_cell();
    rest.remove_prefix(at + 2);
  }
  ctx.text(rest);
}

void append_column_name(compile_context& ctx, std::string_view qualifier, const schema::column& c) {
  if (qualifier.empty()) {
    ctx.identifier(c.name);
  } else {
    ctx.qualified(qualifier, c.name);
  }
}

}  // namespace

void append_cell_key(compile_context& ctx, std::string_view key) noexcept {
  if (!ctx.caps().builds_final_json) return;
  ctx.string_literal(key);
  ctx.text(", ");
}

void append_column_cell(compile_context& ctx, std::string_view key, std::string_view qualifier,
                        const schema::column& c) noexcept {
  if (!ctx.caps().builds_final_json) {
    append_column_name(ctx, qualifier, c);
    return;
  }
  append_cell_key(ctx, key);
  append_json_value(ctx, value_type_of(c), [&] { append_column_name(ctx, qualifier, c); });
}

void append_expr_cell(compile_context& ctx, const decode::field& field, query::expr_id id,
                      column_style style) noexcept {
  const std::string_view key = field.key;
  if (const auto* c = std::get_if<query::column_ref>(&ctx.exprs()[id])) {
    const std::string_view qualifier =
        style == column_style::qualified ? ctx.qualifier(c->table_key) : std::string_view{};
    append_column_cell(ctx, key, qualifier, *c->column);
    return;
  }
  const bool as_database_json = reads_database_json(ctx.exprs(), id);
  if (!ctx.caps().builds_final_json) {
    // A fragment's value travels as the database's JSON of it (to_json on Postgres), so its
    // type is known without one: decoded as json.
    const std::string_view wrap = as_database_json ? ctx.dialect().raw_cell_function() : "";
    ctx.text(wrap);
    if (!wrap.empty()) ctx.text("(");
    append_expr(ctx, id, style);
    if (!wrap.empty()) ctx.text(")");
    return;
  }
  if (as_database_json) {
    append_cell_key(ctx, key);
    ctx.text("(");
    append_expr(ctx, id, style);
    ctx.text(")");
    return;
  }
  // Any other expression is converted by the type output_plan_field gave it, and written once
  // per use in the template (its parameters bound each time).
  append_cell_key(ctx, key);
  const bool atom = is_atom(ctx, id);
  append_json_value(ctx, field.type, [&] {
    if (!atom) ctx.text("(");
    append_expr(ctx, id, style);
    if (!atom) ctx.text(")");
  });
}

namespace {

// A cell reading one column of a derived table or source, written by `write_name`.
template <typename WriteName>
void append_named_cell(compile_context& ctx, const decode::field& field, bool database_json,
                       WriteName write_name) {
  append_cell_key(ctx, field.key);
  if (database_json) {
    ctx.text(ctx.caps().builds_final_json ? std::string_view{} : ctx.dialect().raw_cell_function());
    ctx.text("(");
    write_name();
    ctx.text(")");
  } else if (!ctx.caps().builds_final_json) {
    write_name();
  } else {
    append_json_value(ctx, field.type, write_name);
  }
}

}  // namespace

void append_derived_cell(compile_context& ctx, const decode::field& field, std::string_view name,
                         bool database_json) noexcept {
  append_named_cell(ctx, field, database_json, [&] { ctx.identifier(name); });
}

void append_source_field_cell(compile_context& ctx, const decode::field& field,
                              std::string_view alias, bool database_json) noexcept {
  append_named_cell(ctx, field, database_json, [&] { ctx.qualified(alias, field.key); });
}

void begin_select(compile_context& ctx, bool single_row) noexcept {
  if (ctx.caps().builds_final_json) ctx.text(ctx.dialect().result_prefix(single_row));
  ctx.text("select");
}

void begin_cells(compile_context& ctx) noexcept {
  ctx.text(" ");
  if (!ctx.caps().builds_final_json) return;
  ctx.text(ctx.dialect().json_row_function());
  ctx.text("(");
}

void begin_rows(compile_context& ctx, bool single_row) noexcept {
  begin_select(ctx, single_row);
  begin_cells(ctx);
}

void end_cells(compile_context& ctx) noexcept {
  if (ctx.caps().builds_final_json) ctx.text(") as \"r\"");
}

void end_rows(compile_context& ctx) noexcept {
  if (ctx.caps().builds_final_json) ctx.text(ctx.dialect().result_suffix());
}

returns_kind select_returns(const compile_context& ctx) noexcept {
  return ctx.caps().builds_final_json ? returns_kind::json : returns_kind::rows;
}

returns_kind write_returns(const compile_context& ctx, const decode::plan& plan) noexcept {
  if (plan.shape == decode::result_shape::none) return returns_kind::none;
  return ctx.caps().builds_final_json ? returns_kind::json_rows : returns_kind::rows;
}

void append_where(compile_context& ctx, std::optional<query::expr_id> where) noexcept {
  if (!where) return;
  ctx.text(" where ");
  append_expr(ctx, *where, column_style::qualified);
}

void append_order_by(compile_context& ctx, const std::vector<query::order_term>& terms) noexcept {
  for (size_t i = 0; i < terms.size(); ++i) {
    ctx.text(i ? ", " : " order by ");
    append_expr(ctx, terms[i].value, column_style::qualified);
    switch (terms[i].direction) {
      case query::sort_direction::asc: ctx.text(" asc"); break;
      case query::sort_direction::desc: ctx.text(" desc"); break;
      case query::sort_direction::unspecified: break;
    }
  }
}

void append_paging(compile_context& ctx, const query::paging& page, bool limit_one) noexcept {
  if (limit_one) {
    ctx.text(" limit 1");
  } else if (page.limit) {
    ctx.text(" limit ");
    ctx.bind(page.limit->index, param_type::integer);
  } else if (page.offset && ctx.caps().offset_needs_limit) {
    // A negative limit means "no limit" (https://sqlite.org/lang_select.html#limitoffset).
    ctx.text(" limit -1");
  }
  if (page.offset) {
    ctx.text(" offset ");
    ctx.bind(page.offset->index, param_type::integer);
  }
}

result<std::vector<decode::field>> append_returning(compile_context& ctx, const schema::table& t,
                                                    const query::returning_clause& r) noexcept {
  std::vector<decode::field> fields;
  const bool one_cell = ctx.caps().builds_final_json;
  ctx.text(" returning ");
  if (one_cell) {
    ctx.text(ctx.dialect().json_row_function());
    ctx.text("(");
  }
  if (r.all_columns) {
    for (size_t i = 0; i < t.columns.size(); ++i) {
      if (i) ctx.text(", ");
      append_column_cell(ctx, t.columns[i].key, {}, t.columns[i]);
      fields.push_back(scalar_field(t.columns[i].key, t.columns[i]));
    }
  } else {
    for (size_t i = 0; i < r.fields.size(); ++i) {
      if (i) ctx.text(", ");
      SLUICE_TRY(field, output_plan_field(ctx.exprs(), r.fields[i]));
      append_expr_cell(ctx, field, r.fields[i].value, column_style::bare);
      fields.push_back(std::move(field));
    }
  }
  if (one_cell) ctx.text(")");
  return fields;
}

}  // namespace sluice::sql
