#include "sql/expressions.h"

#include <variant>

#include "sql/nested.h"
#include "sql/types.h"

namespace sluice::sql {
namespace {

using namespace query;


std::string_view operator_text(compare_op op, const capabilities& caps) {
  switch (op) {
    case compare_op::eq: return " = ";
    case compare_op::ne: return " <> ";
    case compare_op::gt: return " > ";
    case compare_op::gte: return " >= ";
    case compare_op::lt: return " < ";
    case compare_op::lte: return " <= ";
    case compare_op::like: return " like ";
    case compare_op::not_like: return " not like ";
    // Without ILIKE, LIKE itself ignores ASCII case (SQLite:
    // https://sqlite.org/lang_expr.html#like).
    case compare_op::ilike: return caps.ilike ? " ilike " : " like ";
    case compare_op::not_ilike: return caps.ilike ? " not ilike " : " not like ";
  }
  return " = ";
}

bool is_pattern(compare_op op) {
  switch (op) {
    case compare_op::like:
    case compare_op::not_like:
    case compare_op::ilike:
    case compare_op::not_ilike: return true;
    case compare_op::eq:
    case compare_op::ne:
    case compare_op::gt:
    case compare_op::gte:
    case compare_op::lt:
    case compare_op::lte: return false;
  }
  return false;
}

std::string_view aggregate_name(aggregate_fn fn) {
  switch (fn) {
    case aggregate_fn::count: return "count";
    case aggregate_fn::sum: return "sum";
    case aggregate_fn::avg: return "avg";
    case aggregate_fn::min: return "min";
    case aggregate_fn::max: return "max";
  }
  return "count";
}

// One visit per node kind: a kind without an operator() here does not compile.
struct printer {
  compile_context& ctx;
  column_style style;
  param_type hint;

  void print(expr_id id, param_type h) { std::visit(printer{ctx, style, h}, ctx.exprs()[id]); }
  // Operands that are themselves operations get parentheses, so precedence never matters.
  void operand(expr_id id, param_type h) {
    const bool atom = is_atom(ctx, id);
    if (!atom) ctx.text("(");
    print(id, h);
    if (!atom) ctx.text(")");
  }

  void operator()(const column_ref& c) {
    if (style == column_style::qualified) {
      ctx.qualified(ctx.qualifier(c.table_key), c.column->name);
    } else {
      ctx.identifier(c.column->name);
    }
  }
  void operator()(const param_ref& p) { ctx.bind(p.index, hint); }
  void operator()(const comparison& c) {
    const bool pattern = is_pattern(c.op);
    operand(c.left, pattern ? param_type::text : type_hint(ctx, c.right));
    ctx.text(operator_text(c.op, ctx.caps()));
    operand(c.right, pattern ? param_type::text : type_hint(ctx, c.left));
  }
  void operator()(const in_list& l) {
    if (l.items.empty()) {
      ctx.text(l.negated ? "true" : "false");
      return;
    }
    operand(l.left, param_type::any);
    ctx.text(l.negated ? " not in (" : " in (");
    const param_type item_type = type_hint(ctx, l.left);
    for (size_t i = 0; i < l.items.size(); ++i) {
      if (i) ctx.text(", ");
      operand(l.items[i], item_type);
    }
    ctx.text(")");
  }
  void operator()(const in_values& v) {
    operand(v.left, param_type::any);
    ctx.text(ctx.dialect().list_open(v.negated));
    ctx.bind_list(v.values.index, type_hint(ctx, v.left));
    ctx.text(ctx.dialect().list_close());
  }
  void operator()(const null_check& n) {
    operand(n.arg, param_type::any);
    ctx.text(n.negated ? " is not null" : " is null");
  }
  void operator()(const negation& n) {
    ctx.text("not ");
    // and/or print their own parentheses.
    const bool grouped = std::holds_alternative<logical>(ctx.exprs()[n.arg]);
    if (!grouped) ctx.text("(");
    print(n.arg, param_type::any);
    if (!grouped) ctx.text(")");
  }
  void operator()(const range& r) {
    const param_type bound_type = type_hint(ctx, r.arg);
    operand(r.arg, param_type::any);
    ctx.text(r.negated ? " not between " : " between ");
    operand(r.low, bound_type);
    ctx.text(" and ");
    operand(r.high, bound_type);
  }
  void operator()(const aggregate& a) {
    ctx.text(aggregate_name(a.fn));
    ctx.text(a.distinct ? "(distinct " : "(");
    if (a.arg) {
      print(*a.arg, param_type::any);
    } else {
      ctx.text("*");
    }
    ctx.text(")");
  }
  void operator()(const logical& l) {
    ctx.text("(");
    for (size_t i = 0; i < l.args.size(); ++i) {
      if (i) ctx.text(l.op == logical_op::all_of ? " and " : " or ");
      // A fragment's own operators must not mix with and/or: `x or y` stays one argument.
      if (std::holds_alternative<raw_sql>(ctx.exprs()[l.args[i]])) {
        operand(l.args[i], param_type::any);
      } else {
        print(l.args[i], param_type::any);
      }
    }
    ctx.text(")");
  }
  // Fields of a subquery or CTE are always qualified by its alias: the alias is the only name
  // the outer query has for them.
  void operator()(const field_ref& f) { ctx.qualified(f.source, f.key); }
  void operator()(const subquery& s) {
    ctx.text("(");
    append_nested_select(ctx, *s.query);
    ctx.text(")");
  }
  void operator()(const exists_check& e) {
    ctx.text(e.negated ? "not exists " : "exists ");
    print(e.query, param_type::any);
  }
  void operator()(const in_subquery& s) {
    operand(s.left, param_type::any);
    ctx.text(s.negated ? " not in " : " in ");
    print(s.query, param_type::any);
  }
  void operator()(const raw_sql& r) {
    for (const raw_part& part : r.parts) {
      switch (part.what) {
        case raw_part::kind::text: ctx.text(part.text); break;
        case raw_part::kind::table: ctx.identifier(part.table->name); break;
        case raw_part::kind::identifier: ctx.identifier(part.text); break;
        // A nested fragment is spliced in as written; anything else is one operand.
        case raw_part::kind::expression:
          if (std::holds_alternative<raw_sql>(ctx.exprs()[part.value])) {
            print(part.value, param_type::any);
          } else {
            operand(part.value, param_type::any);
          }
          break;
      }
    }
  }
};

}  // namespace

bool is_atom(const compile_context& ctx, expr_id id) noexcept {
  const expr& e = ctx.exprs()[id];
  return std::holds_alternative<column_ref>(e) || std::holds_alternative<param_ref>(e) ||
         std::holds_alternative<aggregate>(e) || std::holds_alternative<field_ref>(e) ||
         std::holds_alternative<subquery>(e);
}

void append_expr(compile_context& ctx, expr_id id, column_style style, param_type hint) noexcept {
  printer{ctx, style, hint}.print(id, hint);
}

namespace {

// The value a subquery node yields: its select's one field (the parser checks there is one
// wherever a subquery is a value).
expr_id subquery_value(const subquery& s) noexcept { return s.query->fields->front().value; }

}  // namespace

param_type type_hint(const compile_context& ctx, expr_id id) noexcept {
  const expr& e = ctx.exprs()[id];
  if (const auto* f = std::get_if<field_ref>(&e)) return type_hint(ctx, f->value);
  if (const auto* s = std::get_if<subquery>(&e)) return type_hint(ctx, subquery_value(*s));
  if (const auto* c = std::get_if<column_ref>(&e)) return param_type_of(*c->column);
  if (const auto* r = std::get_if<raw_sql>(&e)) {
    switch (r->mapping) {
      case raw_mapping::database: return param_type::any;
      // Whole or not, the database says: Postgres infers the parameter from the fragment.
      case raw_mapping::number: return param_type::any;
      case raw_mapping::string: return param_type::text;
      case raw_mapping::boolean: return param_type::boolean;
      case raw_mapping::column: return param_type_of(*r->column);
    }
  }
  if (const auto* a = std::get_if<aggregate>(&e)) {
    switch (a->fn) {
      case aggregate_fn::count: return param_type::integer;
      // Whole or not, whatever the argument: a sum of integers can be compared with 2.5.
      case aggregate_fn::sum:
      case aggregate_fn::avg: return param_type::numeric;
      case aggregate_fn::min:
      case aggregate_fn::max: return a->arg ? type_hint(ctx, *a->arg) : param_type::any;
    }
  }
  return param_type::any;
}

namespace {

// The output type of an aggregate, as drizzle maps it: count a number, sum and avg a string
// (Postgres answers numeric for them; digits are kept as text), min and max their column's.
result<decode::value_type> aggregate_type(const expr_pool& exprs, const aggregate& a,
                                          const std::string& key) {
  switch (a.fn) {
    case aggregate_fn::count: return decode::value_type::integer;
    case aggregate_fn::sum:
    case aggregate_fn::avg: return decode::value_type::numeric;
    case aggregate_fn::min:
    case aggregate_fn::max: break;
  }
  if (const auto* c = std::get_if<column_ref>(&exprs[*a.arg])) return value_type_of(*c->column);
  return make_error(error_code::unsupported_feature,
                    "field \"" + key + "\": min and max need a column, whose type they keep");
}

// A fragment's output: as `.mapWith()` says; without it the database's own JSON for the value
// (raw_cell_function), so a count is a number and a label a string on either database.
decode::value_type raw_type(const raw_sql& r) {
  switch (r.mapping) {
    case raw_mapping::database: return decode::value_type::json;
    case raw_mapping::number: return decode::value_type::real;
    case raw_mapping::string: return decode::value_type::numeric;
    case raw_mapping::boolean: return decode::value_type::boolean;
    case raw_mapping::column: return value_type_of(*r.column);
  }
  return decode::value_type::json;
}

}  // namespace

bool reads_database_json(const expr_pool& exprs, expr_id id) noexcept {
  const expr& e = exprs[id];
  if (const auto* f = std::get_if<field_ref>(&e)) return reads_database_json(exprs, f->value);
  if (const auto* s = std::get_if<subquery>(&e)) return reads_database_json(exprs, subquery_value(*s));
  const auto* raw = std::get_if<raw_sql>(&e);
  return raw && raw->mapping == raw_mapping::database;
}

result<decode::field> output_plan_field(const expr_pool& exprs, const output_field& f) noexcept {
  const expr& e = exprs[f.value];
  // A subquery's field, or a subquery's value, has the type it has inside.
  if (const auto* ref = std::get_if<field_ref>(&e)) return output_plan_field(exprs, {f.key, ref->value});
  if (const auto* s = std::get_if<subquery>(&e)) return output_plan_field(exprs, {f.key, subquery_value(*s)});
  if (const auto* c = std::get_if<column_ref>(&e)) return scalar_field(f.key, *c->column);
  if (std::holds_alternative<param_ref>(e))
    return make_error(error_code::unsupported_feature,
                      "field \"" + f.key + "\" selects a bare parameter, whose type is unknown");
  if (const auto* a = std::get_if<aggregate>(&e)) {
    SLUICE_TRY(type, aggregate_type(exprs, *a, f.key));
    return decode::field{f.key, decode::field_kind::scalar, type, {}};
  }
  if (const auto* r = std::get_if<raw_sql>(&e))
    return decode::field{f.key, decode::field_kind::scalar, raw_type(*r), {}};
  return decode::field{f.key, decode::field_kind::scalar, decode::value_type::boolean, {}};
}

std::vector<const column_ref*> columns_read(const expr_pool& exprs, expr_id id) noexcept {
  struct collector {
    const expr_pool& exprs;
    std::vector<const column_ref*>& out;
    void walk(expr_id e) { std::visit(*this, exprs[e]); }
    void operator()(const column_ref& c) { out.push_back(&c); }
    void operator()(const param_ref&) {}
    void operator()(const comparison& c) { walk(c.left), walk(c.right); }
    void operator()(const in_list& l) {
      walk(l.left);
      for (auto item : l.items) walk(item);
    }
    void operator()(const in_values& v) { walk(v.left); }
    void operator()(const null_check& n) { walk(n.arg); }
    void operator()(const negation& n) { walk(n.arg); }
    void operator()(const range& r) { walk(r.arg), walk(r.low), walk(r.high); }
    void operator()(const logical& l) {
      for (auto arg : l.args) walk(arg);
    }
    void operator()(const aggregate& a) {
      if (a.arg) walk(*a.arg);
    }
    void operator()(const raw_sql& r) {
      for (const raw_part& part : r.parts)
        if (part.what == raw_part::kind::expression) walk(part.value);
    }
    // A subquery's columns belong to its own query level, a source's field to the source.
    void operator()(const field_ref&) {}
    void operator()(const subquery&) {}
    void operator()(const exists_check&) {}
    void operator()(const in_subquery& s) { walk(s.left); }
  };
  std::vector<const column_ref*> out;
  collector{exprs, out}.walk(id);
  return out;
}

}  // namespace sluice::sql
