#include "query/parse_spec.h"

#include <algorithm>
#include <iterator>
#include <span>

#include "query/read_expr.h"
#include "query/read_nested.h"
#include "query/read_relational.h"
#include "query/read_select.h"

namespace sluice::query {
namespace {

const json_path root_path;

// The members a spec of kind `k` may have; none for an unknown kind.
std::span<const std::string_view> members_of(std::string_view k) noexcept {
  static constexpr std::string_view select[] = {
      "schema", "dialect", "kind",    "with",   "table",   "from",  "distinct", "distinctOn",
      "fields", "joins",   "where",   "groupBy", "having", "setOps", "orderBy", "limit", "offset"};
  static constexpr std::string_view insert[] = {"schema", "dialect", "kind",   "with",
                                                "table",  "rows",    "select", "onConflict",
                                                "returning"};
  static constexpr std::string_view update[] = {"schema", "dialect", "kind",  "with",
                                                "table",  "set",     "where", "returning"};
  static constexpr std::string_view remove[] = {"schema", "dialect", "kind",     "with",
                                                "table",  "where",   "returning"};
  static constexpr std::string_view count[] = {"schema", "dialect", "kind", "table", "where"};
  static constexpr std::string_view find[] = {"schema", "dialect", "kind",    "table", "columns",
                                              "where",  "orderBy", "limit",   "offset", "with"};
  if (k == "select") return select;
  if (k == "insert") return insert;
  if (k == "update") return update;
  if (k == "delete") return remove;
  if (k == "count") return count;
  if (k == "findMany" || k == "findFirst") return find;
  return {};
}

result<std::optional<returning_clause>> read_returning(const expr_reader& r, dom::object o) {
  auto e = dom::member(o, "returning");
  if (!e || e->is_null()) return std::optional<returning_clause>{};
  const json_path path = child(root_path, "returning");
  if (auto mode = e->get_string()) {
    if (*mode != "all") return invalid_at("must be \"all\" or a list of fields", path);
    return std::optional<returning_clause>{returning_clause{}};
  }
  SLUICE_TRY(fields, read_output_fields(r, *e, path));
  return std::optional<returning_clause>{returning_clause{false, std::move(fields)}};
}

// `{"columnKey": E, ...}`: the values of one row or of a `set`.
result<std::vector<assignment>> read_assignments(const expr_reader& r, const schema::table& t,
                                                 dom::element e, const json_path& path) {
  SLUICE_TRY(o, object_at(e, path));
  std::vector<assignment> out;
  for (auto [key, value] : o) {
    const json_path value_path = child(path, key);
    const schema::column* c = t.find_column(key);
    if (!c)
      return make_error(error_code::unknown_column,
                        "table \"" + t.key + "\" has no column \"" + std::string(key) + "\"",
                        value_path);
    for (const assignment& earlier : out)
      if (earlier.column == c) return invalid_at("column given twice", value_path);
    SLUICE_TRY(id, read_operand(r, value, value_path));
    out.push_back({c, id});
  }
  return out;
}

// `"distinct":true`, or `"distinctOn":[E,...]` (one or more expressions), not both.
status read_distinct(const expr_reader& r, dom::object o, select_query& q, const json_path& path) {
  auto rows = dom::member(o, "distinct");
  auto on = dom::member(o, "distinctOn");
  if (rows && on) return invalid_at("\"distinct\" and \"distinctOn\" exclude each other", child(path, "distinctOn"));
  if (rows) {
    const auto flag = rows->get_bool();
    if (!flag) return invalid_at("must be true or false", child(path, "distinct"));
    q.distinct = *flag ? distinct_kind::rows : distinct_kind::none;
  }
  if (on) {
    SLUICE_TRY(list, read_operands(r, *on, child(path, "distinctOn")));
    if (list.empty()) return invalid_at("needs at least one expression", child(path, "distinctOn"));
    q.distinct = distinct_kind::on;
    q.distinct_on = std::move(list);
  }
  return ok_status();
}

// A select's `table` or `from`, added to what `r` reads.
status read_from(expr_reader& r, dom::object o, select_query& q, const json_path& path) {
  SLUICE_TRY(named, read_named_source(r, o, path));
  if (named) {
    if (dom::member(o, "table")) return invalid_at("\"table\" and \"from\" exclude each other", path);
    r.sources.push_back(named);
    q.named = std::move(named);
    return ok_status();
  }
  SLUICE_TRY(table_key, string_at(o, "table", path));
  const schema::table* t = r.catalog.find_table(table_key);
  if (!t)
    return make_error(error_code::unknown_table, "no table \"" + std::string(table_key) + "\"",
                      child(path, "table"));
  r.scope.push_back(t);
  q.table = t;
  return ok_status();
}

}  // namespace

result<select_query> read_select(const expr_reader& outer, dom::object o, const json_path& path,
                                 bool nested) noexcept {
  static constexpr std::string_view body_members[] = {
      "table",  "from",   "distinct", "distinctOn", "fields", "joins", "where",
      "groupBy", "having", "setOps",  "orderBy",    "limit",  "offset"};
  if (nested) SLUICE_CHECK(dom::only_members(o, body_members, path));
  expr_reader r = outer;
  select_query q;
  SLUICE_CHECK(read_from(r, o, q, path));
  const schema::catalog& cat = r.catalog;
  auto joins = dom::member(o, "joins");
  if (joins && !joins->is_null()) {
    const json_path joins_path = child(path, "joins");
    SLUICE_TRY(items, array_at(*joins, joins_path));
    size_t i = 0;
    for (dom::element item : items) {
      const json_path path = child(joins_path, i++);
      SLUICE_TRY(j, object_at(item, path));
      SLUICE_CHECK(dom::only_members(j, {"type", "table", "as", "query", "cte", "on"}, path));
      SLUICE_TRY(type_name, string_at(j, "type", path));
      static constexpr std::pair<std::string_view, join_type> types[] = {
          {"inner", join_type::inner}, {"left", join_type::left}, {"right", join_type::right},
          {"full", join_type::full},   {"cross", join_type::cross}};
      const auto* type = std::find_if(std::begin(types), std::end(types),
                                      [&](const auto& candidate) { return candidate.first == type_name; });
      if (type == std::end(types))
        return invalid_at("join type must be inner, left, right, full or cross", child(path, "type"));
      SLUICE_TRY(named, read_named_source(r, j, path));
      if (named) {
        r.sources.push_back(named);
        std::optional<expr_id> condition;
        if (type->second != join_type::cross) {
          auto on = dom::member(j, "on");
          if (!on) return invalid_at("missing \"on\"", path);
          SLUICE_TRY(read_on, read_operand(r, *on, child(path, "on")));
          condition = read_on;
        }
        q.joins.push_back({type->second, nullptr, std::move(named), condition});
        continue;
      }
      SLUICE_TRY(table_key, string_at(j, "table", path));
      const schema::table* t = cat.find_table(table_key);
      if (!t)
        return make_error(error_code::unknown_table, "no table \"" + std::string(table_key) + "\"",
                          child(path, "table"));
      for (const schema::table* seen : r.scope)
        if (seen == t)
          return make_error(
              error_code::unsupported_feature,
              "table \"" + std::string(table_key) + "\" appears twice (self joins need aliases)",
              child(path, "table"));
      r.scope.push_back(t);
      auto on = dom::member(j, "on");
      if (type->second == join_type::cross) {
        if (on) return invalid_at("a cross join has no \"on\"", child(path, "on"));
        q.joins.push_back({join_type::cross, t, nullptr, std::nullopt});
        continue;
      }
      if (!on) return invalid_at("missing \"on\"", path);
      SLUICE_TRY(condition, read_operand(r, *on, child(path, "on")));
      q.joins.push_back({type->second, t, nullptr, condition});
    }
  }
  SLUICE_CHECK(read_distinct(r, o, q, path));
  if (auto fields = dom::member(o, "fields"); fields && !fields->is_null()) {
    SLUICE_TRY(list, read_output_fields(r, *fields, child(path, "fields")));
    q.fields = std::move(list);
  }
  SLUICE_TRY(where, read_where(r, o, path));
  q.where = where;
  if (auto group_by = dom::member(o, "groupBy")) {
    SLUICE_TRY(list, read_operands(r, *group_by, child(path, "groupBy")));
    q.group_by = std::move(list);
  }
  if (auto having = dom::member(o, "having")) {
    SLUICE_TRY(condition, read_condition(r, *having, child(path, "having")));
    q.having = condition;
  }
  const bool combined = dom::member(o, "setOps").has_value();
  // A select read by the query around it, or combined with others, names its fields.
  if (!q.fields && (nested || combined || (q.named && q.joins.empty())))
    SLUICE_CHECK(spell_out_fields(r.pool, q, path));
  if (combined) {
    SLUICE_TRY(operations, read_set_operations(outer, o, q, path));
    q.set_operations = std::move(operations);
  }
  // Combined rows are ordered by the first member's columns, as drizzle reads them: the
  // compiler turns each into the field that selects it.
  SLUICE_TRY(order_by, read_order_by(r, o, path));
  q.order_by = std::move(order_by);
  SLUICE_TRY(page, read_paging(o, path));
  q.page = page;
  return q;
}

namespace {


result<on_conflict> read_conflict(const expr_reader& r, const schema::table& t, dom::element e) {
  const json_path path = child(root_path, "onConflict");
  SLUICE_TRY(o, object_at(e, path));
  SLUICE_CHECK(dom::only_members(o, {"action", "target", "set"}, path));
  on_conflict c;
  SLUICE_TRY(action, string_at(o, "action", path));
  if (action != "nothing" && action != "update")
    return invalid_at("must be \"nothing\" or \"update\"", child(path, "action"));
  c.action = action == "update" ? conflict_action::update : conflict_action::nothing;
  auto target = dom::string_list(o, "target");
  if (!target.ok()) return invalid_at(target.err().message, child(path, "target"));
  for (size_t i = 0; i < target.value().size(); ++i) {
    const schema::column* col = t.find_column(target.value()[i]);
    if (!col)
      return make_error(error_code::unknown_column,
                        "table \"" + t.key + "\" has no column \"" + target.value()[i] + "\"",
                        child(child(path, "target"), i));
    c.target.push_back(col);
  }
  if (c.action == conflict_action::nothing) return c;
  if (c.target.empty())
    return make_error(error_code::invalid_value, "onConflict update needs a target", path);
  auto set = dom::member(o, "set");
  if (!set) return invalid_at("missing \"set\"", path);
  SLUICE_TRY(assignments, read_assignments(r, t, *set, child(path, "set")));
  if (assignments.empty())
    return make_error(error_code::invalid_value, "onConflict update has nothing to set",
                      child(path, "set"));
  c.set = std::move(assignments);
  return c;
}

// `"select":S` of `insert ... select`: each field key is a column of `t` (the compiler checks
// that every column needing a value is one of them).
result<std::shared_ptr<const select_query>> read_insert_select(const expr_reader& r,
                                                               const schema::table& t,
                                                               dom::element e) {
  const json_path path = child(root_path, "select");
  SLUICE_TRY(q, read_nested_select(r, e, path));
  size_t i = 0;
  for (const output_field& f : *q->fields) {
    if (!t.find_column(f.key))
      return make_error(error_code::unknown_column,
                        "table \"" + t.key + "\" has no column \"" + f.key + "\"",
                        child(child(child(path, "fields"), i), "key"));
    ++i;
  }
  return q;
}

result<insert_query> read_insert(const expr_reader& r, const schema::table& t, dom::object o) {
  insert_query q;
  q.table = &t;
  const json_path rows_path = child(root_path, "rows");
  auto rows = dom::member(o, "rows");
  expr_reader values = r;  // VALUES cannot read the row being inserted, only CTEs
  values.scope.clear();
  if (auto select = dom::member(o, "select")) {
    if (rows) return invalid_at("\"rows\" and \"select\" exclude each other", root_path);
    SLUICE_TRY(source, read_insert_select(values, t, *select));
    q.select = std::move(source);
  } else {
    if (!rows) return invalid_at("missing \"rows\"", root_path);
    SLUICE_TRY(items, array_at(*rows, rows_path));
    size_t i = 0;
    for (dom::element item : items) {
      SLUICE_TRY(row, read_assignments(values, t, item, child(rows_path, i++)));
      q.rows.push_back(std::move(row));
    }
    if (q.rows.empty())
      return make_error(error_code::invalid_value, "insert needs at least one row", rows_path);
  }
  if (auto conflict = dom::member(o, "onConflict"); conflict && !conflict->is_null()) {
    SLUICE_TRY(c, read_conflict(r, t, *conflict));
    q.conflict = std::move(c);
  }
  SLUICE_TRY(returning, read_returning(r, o));
  q.returning = std::move(returning);
  return q;
}

result<update_query> read_update(const expr_reader& r, const schema::table& t, dom::object o) {
  update_query q;
  q.table = &t;
  const json_path set_path = child(root_path, "set");
  auto set = dom::member(o, "set");
  if (!set) return invalid_at("missing \"set\"", root_path);
  SLUICE_TRY(assignments, read_assignments(r, t, *set, set_path));
  if (assignments.empty())
    return make_error(error_code::invalid_value, "update has nothing to set", set_path);
  q.set = std::move(assignments);
  SLUICE_TRY(where, read_where(r, o, root_path));
  q.where = where;
  SLUICE_TRY(returning, read_returning(r, o));
  q.returning = std::move(returning);
  return q;
}

// `{"kind":"execute","sql":{"sql":[...]}}`: a raw statement may name any table of the schema.
result<spec> read_execute(const schema::catalog& cat, dom::object root) {
  SLUICE_CHECK(dom::only_members(root, {"schema", "dialect", "kind", "sql"}, root_path));
  spec out;
  expr_reader r{cat, out.exprs, {}};
  for (const auto& t : cat.tables) r.scope.push_back(&t);
  auto statement = dom::member(root, "sql");
  if (!statement) return invalid_at("missing \"sql\"", root_path);
  SLUICE_TRY(id, read_operand(r, *statement, child(root_path, "sql")));
  if (!std::holds_alternative<raw_sql>(out.exprs[id]))
    return invalid_at("must be a sql fragment", child(root_path, "sql"));
  out.stmt = execute_query{id};
  return out;
}

// A select statement: its CTEs, then the select, which may read them.
result<spec> read_select_statement(const schema::catalog& cat, dom::object root) {
  SLUICE_CHECK(dom::only_members(root, members_of("select"), root_path));
  spec out;
  expr_reader r{cat, out.exprs, {}};
  SLUICE_TRY(with, read_with(r, root, root_path));
  r.ctes = with;
  SLUICE_TRY(q, read_select(r, root, root_path, false));
  q.with = std::move(with);
  out.stmt = std::move(q);
  return out;
}

}  // namespace

result<spec> parse_spec(const schema::catalog& cat, dom::object root) noexcept {
  SLUICE_TRY(kind, string_at(root, "kind", root_path));
  if (kind == "execute") return read_execute(cat, root);
  if (kind == "select") return read_select_statement(cat, root);
  SLUICE_TRY(table_key, string_at(root, "table", root_path));
  const schema::table* t = cat.find_table(table_key);
  if (!t)
    return make_error(error_code::unknown_table, "no table \"" + std::string(table_key) + "\"",
                      {"table"});

  spec out;
  expr_reader r{cat, out.exprs, {t}};
  const std::string_view k = kind;
  const auto members = members_of(k);
  if (members.empty()) return invalid_at("unknown kind \"" + std::string(k) + "\"", {"kind"});
  SLUICE_CHECK(dom::only_members(root, members, root_path));
  // A write's CTEs (a relational query's "with" names its relations instead).
  const bool writes = k == "insert" || k == "update" || k == "delete";
  std::vector<std::shared_ptr<const named_source>> with;
  if (writes) {
    SLUICE_TRY(ctes, read_with(r, root, root_path));
    with = std::move(ctes);
    r.ctes = with;
  }
  if (k == "insert") {
    SLUICE_TRY(q, read_insert(r, *t, root));
    q.with = std::move(with);
    out.stmt = std::move(q);
  } else if (k == "update") {
    SLUICE_TRY(q, read_update(r, *t, root));
    q.with = std::move(with);
    out.stmt = std::move(q);
  } else if (k == "delete") {
    SLUICE_TRY(where, read_where(r, root, root_path));
    SLUICE_TRY(returning, read_returning(r, root));
    out.stmt = delete_query{t, where, std::move(returning), std::move(with)};
  } else if (k == "count") {
    SLUICE_TRY(where, read_where(r, root, root_path));
    out.stmt = count_query{t, where};
  } else {
    SLUICE_TRY(q, read_find(out.exprs, cat, *t, root, k == "findFirst"));
    out.stmt = std::move(q);
  }
  return out;
}

}  // namespace sluice::query
