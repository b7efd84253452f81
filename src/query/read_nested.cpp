#include "query/read_nested.h"

#include <algorithm>
#include <iterator>

#include "query/read_select.h"

namespace sluice::query {
namespace {

// A nested select costs the stack more than an operator does (its compile walks every clause):
// it counts as this many expression levels, so the deepest spec still fits the module's stack.
constexpr size_t select_depth_cost = 4;

result<expr_reader> nested_level(const expr_reader& r, const json_path& path) {
  expr_reader below = r;
  below.depth += select_depth_cost - 1;
  return below.deeper(path);
}

// The subquery node's select (read_subquery makes every such node).
const select_query& select_of(const expr_pool& pool, expr_id query) noexcept {
  return *std::get<subquery>(pool[query]).query;
}

std::vector<std::string_view> keys_of(const select_query& q) {
  std::vector<std::string_view> keys;
  for (const output_field& f : *q.fields) keys.push_back(f.key);
  return keys;
}

result<std::shared_ptr<const named_source>> read_cte_ref(const expr_reader& r, dom::element e,
                                                         const json_path& path) {
  const auto name = e.get_string();
  if (!name) return invalid_at("must be a string", path);
  for (auto it = r.ctes.rbegin(); it != r.ctes.rend(); ++it)
    if ((*it)->alias == *name) return *it;
  return make_error(error_code::unknown_table,
                    "no CTE \"" + std::string(*name) + "\" (add it with db.with(...))", path);
}

struct set_operator_name {
  std::string_view name;
  set_operator op;
  bool all;
};

constexpr set_operator_name set_operator_names[] = {
    {"union", set_operator::union_, false},   {"unionAll", set_operator::union_, true},
    {"intersect", set_operator::intersect, false}, {"intersectAll", set_operator::intersect, true},
    {"except", set_operator::except, false},  {"exceptAll", set_operator::except, true},
};

}  // namespace

result<std::shared_ptr<const select_query>> read_nested_select(const expr_reader& outer,
                                                               dom::element e,
                                                               const json_path& path) noexcept {
  SLUICE_TRY(o, object_at(e, path));
  SLUICE_TRY(q, read_select(outer, o, path, true));
  return std::shared_ptr<const select_query>(std::make_shared<select_query>(std::move(q)));
}

result<expr_id> read_subquery(const expr_reader& r, dom::element body,
                              const json_path& path) noexcept {
  SLUICE_TRY(level, nested_level(r, path));
  SLUICE_TRY(q, read_nested_select(level, body, path));
  return r.pool.add(subquery{std::move(q)});
}

status require_one_field(const expr_pool& pool, expr_id query, const json_path& path) noexcept {
  if (select_of(pool, query).fields->size() == 1) return ok_status();
  return make_error(error_code::invalid_value,
                    "a subquery used as a value or a list selects exactly one field", path);
}

result<expr_id> read_field(const expr_reader& r, dom::element e, const json_path& path) noexcept {
  auto a = e.get_array();
  std::optional<std::string_view> names[2];
  if (a && a->size() == 2) {
    size_t i = 0;
    for (dom::element item : *a) names[i++] = item.get_string();
  }
  if (!names[0] || !names[1]) return invalid_at("\"field\" must be [sourceAlias, fieldKey]", path);
  for (auto it = r.sources.rbegin(); it != r.sources.rend(); ++it) {
    const named_source& source = **it;
    if (source.alias != *names[0]) continue;
    for (const output_field& f : source.fields)
      if (f.key == *names[1]) return r.pool.add(field_ref{source.alias, f.key, f.value});
    return make_error(error_code::unknown_column,
                      "\"" + source.alias + "\" has no field \"" + std::string(*names[1]) + "\"",
                      path);
  }
  return make_error(error_code::unknown_table,
                    "\"" + std::string(*names[0]) + "\" is not a subquery or CTE of this query",
                    path);
}

result<std::shared_ptr<const named_source>> read_named_source(const expr_reader& r,
                                                              dom::object o,
                                                              const json_path& path) noexcept {
  using named_ptr = std::shared_ptr<const named_source>;
  if (auto from = dom::member(o, "from")) {
    const json_path from_path = child(path, "from");
    SLUICE_TRY(f, object_at(*from, from_path));
    if (auto cte = dom::member(f, "cte")) {
      SLUICE_CHECK(dom::only_members(f, {"cte"}, from_path));
      return read_cte_ref(r, *cte, child(from_path, "cte"));
    }
    SLUICE_CHECK(dom::only_members(f, {"as", "query"}, from_path));
    return read_named_source(r, f, from_path);
  }
  if (auto cte = dom::member(o, "cte")) return read_cte_ref(r, *cte, child(path, "cte"));
  auto query = dom::member(o, "query");
  if (!query) return named_ptr{};
  SLUICE_TRY(alias, string_at(o, "as", path));
  if (alias.empty()) return invalid_at("a subquery needs an alias", child(path, "as"));
  // A subquery in `from` cannot read the query around it (that would need `lateral`).
  expr_reader own_scope{r.catalog, r.pool, {}, r.depth, {}, r.ctes};
  SLUICE_TRY(level, nested_level(own_scope, path));
  SLUICE_TRY(q, read_nested_select(level, *query, child(path, "query")));
  auto out = std::make_shared<named_source>();
  out->alias = std::string(alias);
  out->fields = *q->fields;
  out->query = std::move(q);
  return named_ptr{std::move(out)};
}

result<std::vector<std::shared_ptr<const named_source>>> read_with(const expr_reader& r,
                                                                   dom::object root,
                                                                   const json_path& path) noexcept {
  std::vector<std::shared_ptr<const named_source>> out;
  auto with = dom::member(root, "with");
  if (!with || with->is_null()) return out;
  const json_path with_path = child(path, "with");
  SLUICE_TRY(items, array_at(*with, with_path));
  size_t i = 0;
  for (dom::element item : items) {
    const json_path item_path = child(with_path, i++);
    SLUICE_TRY(o, object_at(item, item_path));
    SLUICE_CHECK(dom::only_members(o, {"as", "query"}, item_path));
    if (!dom::member(o, "query")) return invalid_at("missing \"query\"", item_path);
    expr_reader earlier = r;
    earlier.ctes = out;
    SLUICE_TRY(source, read_named_source(earlier, o, item_path));
    for (const auto& seen : out)
      if (seen->alias == source->alias)
        return make_error(error_code::invalid_value,
                          "CTE \"" + seen->alias + "\" is given twice", child(item_path, "as"));
    auto cte = std::make_shared<named_source>(*source);
    cte->cte = true;
    out.push_back(std::move(cte));
  }
  return out;
}

result<std::vector<set_operation>> read_set_operations(const expr_reader& outer, dom::object o,
                                                       const select_query& first,
                                                       const json_path& path) noexcept {
  std::vector<set_operation> out;
  const json_path list_path = child(path, "setOps");
  SLUICE_TRY(items, array_at(*dom::member(o, "setOps"), list_path));
  const auto keys = keys_of(first);
  size_t i = 0;
  for (dom::element item : items) {
    const json_path item_path = child(list_path, i++);
    SLUICE_TRY(operation, object_at(item, item_path));
    SLUICE_CHECK(dom::only_members(operation, {"op", "query"}, item_path));
    SLUICE_TRY(op_name, string_at(operation, "op", item_path));
    const auto* named = std::find_if(std::begin(set_operator_names), std::end(set_operator_names),
                                     [&](const auto& n) { return n.name == op_name; });
    if (named == std::end(set_operator_names))
      return invalid_at(
          "must be union, unionAll, intersect, intersectAll, except or exceptAll",
          child(item_path, "op"));
    auto query = dom::member(operation, "query");
    if (!query) return invalid_at("missing \"query\"", item_path);
    const json_path query_path = child(item_path, "query");
    SLUICE_TRY(q, read_nested_select(outer, *query, query_path));
    if (!q->set_operations.empty() || !q->order_by.empty() || q->page.limit || q->page.offset)
      return make_error(error_code::invalid_value,
                        "a member of a set operation has no set operations, orderBy, limit or "
                        "offset of its own: give them to the combined query",
                        query_path);
    if (keys_of(*q) != keys)
      return make_error(error_code::invalid_value,
                        "the selects of a set operation must select the same fields in the same "
                        "order",
                        child(query_path, "fields"));
    out.push_back({named->op, named->all, std::move(q)});
  }
  if (out.empty()) return invalid_at("needs at least one set operation", list_path);
  return out;
}

status spell_out_fields(expr_pool& pool, select_query& q, const json_path& path) noexcept {
  if (!q.joins.empty())
    return make_error(error_code::unsupported_feature,
                      "a subquery, CTE or set operation with joins needs a projection "
                      "(select({ ... }))",
                      path);
  std::vector<output_field> fields;
  if (q.table) {
    for (const auto& c : q.table->columns)
      fields.push_back({c.key, pool.add(column_ref{q.table->key, &c})});
  } else {
    for (const output_field& f : q.named->fields)
      fields.push_back({f.key, pool.add(field_ref{q.named->alias, f.key, f.value})});
  }
  q.fields = std::move(fields);
  return ok_status();
}

}  // namespace sluice::query
