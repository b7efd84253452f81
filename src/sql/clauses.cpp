#include "sql/clauses.h"

#include <variant>

#include "sql/types.h"

namespace sluice::sql {

void append_column_cell(compile_context& ctx, std::string_view qualifier, const schema::column& c,
                        bool json_row) noexcept {
  const bool reparse = json_row && ctx.caps().json_as_text && is_json(c);
  if (reparse) {
    ctx.text(ctx.dialect().json_parse_function());
    ctx.text("(");
  }
  if (qualifier.empty()) {
    ctx.identifier(c.name);
  } else {
    ctx.qualified(qualifier, c.name);
  }
  if (reparse) ctx.text(")");
}

void append_expr_cell(compile_context& ctx, query::expr_id id, column_style style,
                      bool json_row) noexcept {
  if (const auto* c = std::get_if<query::column_ref>(&ctx.exprs()[id])) {
    const std::string_view qualifier =
        style == column_style::qualified ? ctx.qualifier(c->table_key) : std::string_view{};
    append_column_cell(ctx, qualifier, *c->column, json_row);
    return;
  }
  append_expr(ctx, id, style);
}

void begin_rows(compile_context& ctx) noexcept {
  if (!ctx.caps().rows_as_json_text) {
    ctx.text("select ");
    return;
  }
  ctx.text(ctx.dialect().result_prefix());
  ctx.text("select ");
  ctx.text(ctx.dialect().json_row_function());
  ctx.text("(");
}

void end_cells(compile_context& ctx) noexcept {
  if (ctx.caps().rows_as_json_text) ctx.text(") as \"r\"");
}

void end_rows(compile_context& ctx) noexcept {
  if (ctx.caps().rows_as_json_text) ctx.text(ctx.dialect().result_suffix());
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
    ctx.text(terms[i].direction == query::sort_direction::desc ? " desc" : " asc");
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
  ctx.text(" returning ");
  if (r.all_columns) {
    for (size_t i = 0; i < t.columns.size(); ++i) {
      if (i) ctx.text(", ");
      ctx.identifier(t.columns[i].name);
      fields.push_back(scalar_field(t.columns[i].key, t.columns[i]));
    }
    return fields;
  }
  for (size_t i = 0; i < r.fields.size(); ++i) {
    if (i) ctx.text(", ");
    SLUICE_TRY(field, output_plan_field(ctx.exprs(), r.fields[i]));
    append_expr(ctx, r.fields[i].value, column_style::bare);
    fields.push_back(std::move(field));
  }
  return fields;
}

}  // namespace sluice::sql
