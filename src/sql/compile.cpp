#include "sql/compile.h"

#include <utility>
#include <variant>

#include "core/dom.h"
#include "query/parse_spec.h"
#include "sql/families.h"

namespace sluice::sql {
namespace {

result<dialect_id> read_dialect(dom::object root) {
  auto e = dom::member(root, "dialect");
  const auto name = e ? e->get_string() : std::nullopt;
  if (name == "postgres") return dialect_id::postgres;
  if (name == "sqlite") return dialect_id::sqlite;
  return make_error(error_code::invalid_document, "\"dialect\" must be \"postgres\" or \"sqlite\"",
                    {"dialect"});
}

// One overload per statement family: a new family that is not handled here does not compile.
struct family_dispatch {
  const dialect& d;
  const query::expr_pool& exprs;
  const schema::catalog& cat;
  result<compiled> operator()(const query::select_query& q) { return compile_select(d, exprs, q); }
  result<compiled> operator()(const query::insert_query& q) { return compile_insert(d, exprs, q); }
  result<compiled> operator()(const query::update_query& q) { return compile_update(d, exprs, q); }
  result<compiled> operator()(const query::delete_query& q) { return compile_delete(d, exprs, q); }
  result<compiled> operator()(const query::count_query& q) { return compile_count(d, exprs, q); }
  result<compiled> operator()(const query::find_query& q) { return compile_find(d, exprs, q); }
  result<compiled> operator()(const query::execute_query& q) {
    return compile_execute(d, exprs, q, cat);
  }
};

// Selects (set operations and CTEs of selects included), counts and relational reads change
// nothing; every other family, raw statements included, may.
bool may_write(const query::statement& s) noexcept {
  return !std::holds_alternative<query::select_query>(s) && !std::holds_alternative<query::count_query>(s) &&
         !std::holds_alternative<query::find_query>(s);
}

}  // namespace

result<compiled> compile(const schema::catalog& cat, std::string_view spec_json) noexcept {
  dom::document doc;
  SLUICE_TRY(root, dom::parse(doc, spec_json));
  const auto o = root.get_object();
  if (!o) return dom::invalid("the query spec must be an object");
  SLUICE_TRY(id, read_dialect(*o));
  SLUICE_TRY(parsed, query::parse_spec(cat, *o));
  SLUICE_TRY(out, std::visit(family_dispatch{dialect_for(id), parsed.exprs, cat}, parsed.stmt));
  out.writes = may_write(parsed.stmt);
  return std::move(out);
}

}  // namespace sluice::sql
