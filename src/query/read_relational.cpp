#include "query/read_relational.h"

namespace sluice::query {
namespace {

result<std::vector<const schema::column*>> read_columns(const schema::table& t, dom::object o,
                                                        const json_path& path) {
  std::vector<const schema::column*> out;
  auto e = dom::member(o, "columns");
  if (!e || e->is_null()) {
    for (const auto& c : t.columns) out.push_back(&c);
    return out;
  }
  const json_path list_path = child(path, "columns");
  SLUICE_TRY(items, array_at(*e, list_path));
  size_t i = 0;
  for (dom::element item : items) {
    const json_path item_path = child(list_path, i++);
    const auto key = item.get_string();
    if (!key) return invalid_at("must be a column key", item_path);
    const schema::column* c = t.find_column(*key);
    if (!c)
      return make_error(error_code::unknown_column,
                        "table \"" + t.key + "\" has no column \"" + std::string(*key) + "\"",
                        item_path);
    out.push_back(c);
  }
  return out;
}

// Reads one level; `scope` already ends with this level's table.
result<relation_level> read_level(expr_pool& pool, const schema::catalog& cat,
                                  std::vector<const schema::table*> scope, dom::object o,
                                  const json_path& path) {
  const schema::table& t = *scope.back();
  relation_level level;
  level.table = &t;
  const expr_reader reader{cat, pool, scope};
  SLUICE_TRY(columns, read_columns(t, o, path));
  level.columns = std::move(columns);
  SLUICE_TRY(where, read_where(reader, o, path));
  level.where = where;
  SLUICE_TRY(order_by, read_order_by(reader, o, path));
  level.order_by = std::move(order_by);
  SLUICE_TRY(page, read_paging(o, path));
  level.page = page;

  auto with = dom::member(o, "with");
  if (!with || with->is_null()) return level;
  const json_path with_path = child(path, "with");
  SLUICE_TRY(items, array_at(*with, with_path));
  size_t i = 0;
  for (dom::element item : items) {
    const json_path item_path = child(with_path, i++);
    SLUICE_TRY(nested, object_at(item, item_path));
    SLUICE_CHECK(dom::only_members(
        nested, {"key", "columns", "where", "orderBy", "limit", "offset", "with"}, item_path));
    SLUICE_TRY(key, string_at(nested, "key", item_path));
    const schema::relation* rel = t.find_relation(key);
    if (!rel)
      return make_error(error_code::unknown_relation,
                        "table \"" + t.key + "\" has no relation \"" + std::string(key) + "\"",
                        child(item_path, "key"));
    auto nested_scope = scope;
    nested_scope.push_back(cat.find_table(rel->table));
    SLUICE_TRY(child_level, read_level(pool, cat, std::move(nested_scope), nested, item_path));
    child_level.relation = rel;
    level.with.push_back(std::move(child_level));
  }
  return level;
}

}  // namespace

result<find_query> read_find(expr_pool& pool, const schema::catalog& cat,
                             const schema::table& table, dom::object root, bool first) noexcept {
  SLUICE_TRY(level, read_level(pool, cat, {&table}, root, {}));
  return find_query{first, std::move(level)};
}

}  // namespace sluice::query
