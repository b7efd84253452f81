#include "query/read_expr.h"

#include "query/read_calls.h"
#include "query/read_nested.h"

#include <array>
#include <limits>
#include <span>

namespace sluice::query {
namespace {

// Reading and compiling an operator recurse into its operands: this bound keeps the deepest
// spec within the WebAssembly module's stack (CMakeLists.txt records the arithmetic).
constexpr size_t max_expression_depth = 32;

enum class op_shape : uint8_t { compare, in_list, null_check, negation, range, logical, exists };

struct op_info {
  std::string_view name;
  op_shape shape;
  compare_op compare = compare_op::eq;
  bool negated = false;
  logical_op logic = logical_op::all_of;
};

constexpr std::array<op_info, 21> operators{{
    {"eq", op_shape::compare, compare_op::eq},
    {"ne", op_shape::compare, compare_op::ne},
    {"gt", op_shape::compare, compare_op::gt},
    {"gte", op_shape::compare, compare_op::gte},
    {"lt", op_shape::compare, compare_op::lt},
    {"lte", op_shape::compare, compare_op::lte},
    {"like", op_shape::compare, compare_op::like},
    {"notLike", op_shape::compare, compare_op::not_like},
    {"ilike", op_shape::compare, compare_op::ilike},
    {"notIlike", op_shape::compare, compare_op::not_ilike},
    {"inArray", op_shape::in_list},
    {"notInArray", op_shape::in_list, compare_op::eq, true},
    {"isNull", op_shape::null_check},
    {"isNotNull", op_shape::null_check, compare_op::eq, true},
    {"between", op_shape::range},
    {"notBetween", op_shape::range, compare_op::eq, true},
    {"not", op_shape::negation},
    {"and", op_shape::logical, compare_op::eq, false, logical_op::all_of},
    {"or", op_shape::logical, compare_op::eq, false, logical_op::any_of},
    {"exists", op_shape::exists},
    {"notExists", op_shape::exists, compare_op::eq, true},
}};

std::span<const std::string_view> members_of(op_shape shape) noexcept {
  static constexpr std::string_view binary[] = {"op", "left", "right"};
  static constexpr std::string_view unary[] = {"op", "arg"};
  static constexpr std::string_view ternary[] = {"op", "arg", "low", "high"};
  static constexpr std::string_view variadic[] = {"op", "args"};
  switch (shape) {
    case op_shape::compare:
    case op_shape::in_list: return binary;
    case op_shape::null_check:
    case op_shape::negation:
    case op_shape::exists: return unary;
    case op_shape::range: return ternary;
    case op_shape::logical: return variadic;
  }
  return {};
}

result<dom::element> required_member(dom::object o, std::string_view key, const json_path& path) {
  auto e = dom::member(o, key);
  if (!e) return invalid_at("missing \"" + std::string(key) + "\"", path);
  return *e;
}

result<expr_id> read_column(const expr_reader& r, dom::element e, const json_path& path) {
  auto a = e.get_array();
  std::optional<std::string_view> keys[2];
  if (a && a->size() == 2) {
    size_t i = 0;
    for (dom::element item : *a) keys[i++] = item.get_string();
  }
  if (!keys[0] || !keys[1]) return invalid_at("\"col\" must be [tableKey, columnKey]", path);
  const std::string_view table_key = *keys[0];
  const std::string_view column_key = *keys[1];
  if (r.scope.empty()) return invalid_at("no column can be read here", path);
  for (auto it = r.scope.rbegin(); it != r.scope.rend(); ++it) {
    if ((*it)->key != table_key) continue;
    const schema::column* c = (*it)->find_column(column_key);
    if (!c)
      return make_error(error_code::unknown_column,
                        "table \"" + std::string(table_key) + "\" has no column \"" +
                            std::string(column_key) + "\"",
                        path);
    return r.pool.add(column_ref{std::string(table_key), c});
  }
  return make_error(error_code::unknown_table,
                    "table \"" + std::string(table_key) + "\" is not part of this query", path);
}


result<std::optional<expr_id>> read_logical(const expr_reader& r, dom::object o, const op_info& op,
                                            const json_path& path) {
  SLUICE_TRY(args_element, required_member(o, "args", path));
  const json_path args_path = child(path, "args");
  SLUICE_TRY(items, array_at(args_element, args_path));
  std::vector<expr_id> args;
  size_t i = 0;
  for (dom::element item : items) {
    SLUICE_TRY(arg, read_condition(r, item, child(args_path, i++)));
    if (arg) args.push_back(*arg);
  }
  if (args.empty()) return std::optional<expr_id>{};
  if (args.size() == 1) return std::optional<expr_id>{args[0]};
  return std::optional<expr_id>{r.pool.add(logical{op.logic, std::move(args)})};
}

// Past max_expression_depth: each operator, aggregate or raw SQL is one level deeper.
error too_deep(const json_path& path) noexcept {
  return invalid_at("expressions nested more than " + std::to_string(max_expression_depth) + " deep", path);
}

result<std::optional<expr_id>> read_operator(const expr_reader& r, dom::object o,
                                             std::string_view name, const json_path& path) {
  const op_info* op = nullptr;
  for (const auto& candidate : operators)
    if (candidate.name == name) op = &candidate;
  if (!op) return invalid_at("unknown operator \"" + std::string(name) + "\"", child(path, "op"));
  SLUICE_CHECK(dom::only_members(o, members_of(op->shape), path));
  auto operand = [&](std::string_view key) -> result<expr_id> {
    SLUICE_TRY(e, required_member(o, key, path));
    return read_operand(r, e, child(path, key));
  };
  using optional_id = std::optional<expr_id>;
  switch (op->shape) {
    case op_shape::compare: {
      SLUICE_TRY(left, operand("left"));
      SLUICE_TRY(right, operand("right"));
      return optional_id{r.pool.add(comparison{op->compare, left, right})};
    }
    case op_shape::in_list: {
      SLUICE_TRY(left, operand("left"));
      SLUICE_TRY(list, required_member(o, "right", path));
      if (auto body = list.get_object() ? dom::member(*list.get_object(), "select") : std::nullopt) {
        SLUICE_TRY(query, read_operand(r, list, child(path, "right")));
        SLUICE_CHECK(require_one_field(r.pool, query, child(path, "right")));
        return optional_id{r.pool.add(in_subquery{op->negated, left, query})};
      }
      if (list.kind() == dom::json_kind::object) {
        SLUICE_TRY(values, read_param(list, child(path, "right")));
        return optional_id{r.pool.add(in_values{op->negated, left, values})};
      }
      SLUICE_TRY(items, read_operands(r, list, child(path, "right")));
      return optional_id{r.pool.add(in_list{op->negated, left, std::move(items)})};
    }
    case op_shape::null_check: {
      SLUICE_TRY(arg, operand("arg"));
      return optional_id{r.pool.add(null_check{op->negated, arg})};
    }
    case op_shape::negation: {
      SLUICE_TRY(e, required_member(o, "arg", path));
      SLUICE_TRY(arg, read_condition(r, e, child(path, "arg")));
      if (!arg) return optional_id{};
      return optional_id{r.pool.add(negation{*arg})};
    }
    case op_shape::range: {
      SLUICE_TRY(arg, operand("arg"));
      SLUICE_TRY(low, operand("low"));
      SLUICE_TRY(high, operand("high"));
      return optional_id{r.pool.add(range{op->negated, arg, low, high})};
    }
    case op_shape::logical: return read_logical(r, o, *op, path);
    case op_shape::exists: {
      SLUICE_TRY(query, operand("arg"));
      if (!std::holds_alternative<subquery>(r.pool[query]))
        return invalid_at("must be {\"select\":...}", child(path, "arg"));
      return optional_id{r.pool.add(exists_check{op->negated, query})};
    }
  }
  return invalid_at("unknown operator", path);
}

}  // namespace

result<expr_reader> expr_reader::deeper(const json_path& path) const noexcept {
  if (depth >= max_expression_depth) return too_deep(path);
  expr_reader out = *this;
  ++out.depth;
  return out;
}

json_path child(const json_path& path, std::string_view member) noexcept {
  json_path out = path;
  out.emplace_back(member);
  return out;
}

json_path child(const json_path& path, size_t index) noexcept {
  return child(path, std::to_string(index));
}

error invalid_at(std::string message, const json_path& path) noexcept {
  return make_error(error_code::invalid_document, std::move(message), path);
}

result<dom::object> object_at(dom::element e, const json_path& path) noexcept {
  auto o = e.get_object();
  if (!o) return invalid_at("must be an object", path);
  return *o;
}

result<dom::array> array_at(dom::element e, const json_path& path) noexcept {
  auto a = e.get_array();
  if (!a) return invalid_at("must be an array", path);
  return *a;
}

result<std::string_view> string_at(dom::object o, std::string_view key,
                                   const json_path& path) noexcept {
  auto e = dom::member(o, key);
  auto s = e ? e->get_string() : std::nullopt;
  if (!s) return invalid_at("must be a string", child(path, key));
  return *s;
}

result<std::vector<expr_id>> read_operands(const expr_reader& r, dom::element e,
                                           const json_path& path) noexcept {
  SLUICE_TRY(items, array_at(e, path));
  std::vector<expr_id> out;
  size_t i = 0;
  for (dom::element item : items) {
    SLUICE_TRY(id, read_operand(r, item, child(path, i++)));
    out.push_back(id);
  }
  return out;
}

result<param_ref> read_param(dom::element e, const json_path& path) noexcept {
  auto o = e.get_object();
  auto index_element = o ? o->find("param") : std::nullopt;
  auto index = index_element ? index_element->get_uint64() : std::nullopt;
  if (!index || *index > std::numeric_limits<uint32_t>::max())
    return invalid_at("must be {\"param\":N}", path);
  SLUICE_CHECK(dom::only_members(*o, {"param"}, path));
  return param_ref{static_cast<uint32_t>(*index)};
}

result<std::optional<expr_id>> read_condition(const expr_reader& r, dom::element e,
                                              const json_path& path) noexcept {
  using optional_id = std::optional<expr_id>;
  SLUICE_TRY(o, object_at(e, path));
  if (auto col = dom::member(o, "col")) {
    SLUICE_CHECK(dom::only_members(o, {"col"}, path));
    SLUICE_TRY(id, read_column(r, *col, child(path, "col")));
    return optional_id{id};
  }
  if (dom::member(o, "param")) {
    SLUICE_TRY(p, read_param(e, path));
    return optional_id{r.pool.add(p)};
  }
  if (auto field = dom::member(o, "field")) {
    SLUICE_CHECK(dom::only_members(o, {"field"}, path));
    SLUICE_TRY(id, read_field(r, *field, child(path, "field")));
    return optional_id{id};
  }
  // Raw SQL, aggregates, subqueries and operators read their operands through here again.
  SLUICE_TRY(deeper, r.deeper(path));
  if (auto body = dom::member(o, "select")) {
    SLUICE_CHECK(dom::only_members(o, {"select"}, path));
    SLUICE_TRY(id, read_subquery(deeper, *body, child(path, "select")));
    return optional_id{id};
  }
  if (dom::member(o, "sql")) {
    SLUICE_TRY(id, read_raw(deeper, o, path));
    return optional_id{id};
  }
  if (auto agg = dom::member(o, "agg")) {
    const auto fn = agg->get_string();
    if (!fn) return invalid_at("must be a string", child(path, "agg"));
    SLUICE_TRY(id, read_aggregate(deeper, o, *fn, path));
    return optional_id{id};
  }
  auto op = dom::member(o, "op");
  auto name = op ? op->get_string() : std::nullopt;
  if (!name)
    return invalid_at(
        "an expression needs \"col\", \"field\", \"param\", \"op\", \"agg\", \"sql\" or \"select\"",
        path);
  return read_operator(deeper, o, *name, path);
}

result<expr_id> read_operand(const expr_reader& r, dom::element e, const json_path& path) noexcept {
  SLUICE_TRY(id, read_condition(r, e, path));
  if (!id) return invalid_at("an empty and/or is not a value", path);
  return *id;
}

result<std::optional<expr_id>> read_where(const expr_reader& r, dom::object o,
                                          const json_path& path) noexcept {
  auto e = dom::member(o, "where");
  if (!e || e->is_null()) return std::optional<expr_id>{};
  return read_condition(r, *e, child(path, "where"));
}

result<std::vector<order_term>> read_order_by(const expr_reader& r, dom::object o,
                                              const json_path& path) noexcept {
  std::vector<order_term> out;
  auto e = dom::member(o, "orderBy");
  if (!e || e->is_null()) return out;
  const json_path list_path = child(path, "orderBy");
  SLUICE_TRY(items, array_at(*e, list_path));
  size_t i = 0;
  for (dom::element item : items) {
    const json_path item_path = child(list_path, i++);
    SLUICE_TRY(term, object_at(item, item_path));
    SLUICE_CHECK(dom::only_members(term, {"expr", "dir"}, item_path));
    SLUICE_TRY(expr_element, required_member(term, "expr", item_path));
    SLUICE_TRY(value, read_operand(r, expr_element, child(item_path, "expr")));
    auto dir = dom::member(term, "dir");
    if (!dir) {
      out.push_back({value, sort_direction::unspecified});
      continue;
    }
    const auto dir_name = dir->get_string();
    if (!dir_name || (*dir_name != "asc" && *dir_name != "desc"))
      return invalid_at("\"dir\" must be \"asc\" or \"desc\"", child(item_path, "dir"));
    out.push_back({value, *dir_name == "desc" ? sort_direction::desc : sort_direction::asc});
  }
  return out;
}

result<paging> read_paging(dom::object o, const json_path& path) noexcept {
  paging out;
  for (auto [key, slot] : {std::pair{"limit", &out.limit}, std::pair{"offset", &out.offset}}) {
    auto e = dom::member(o, key);
    if (!e || e->is_null()) continue;
    SLUICE_TRY(p, read_param(*e, child(path, key)));
    *slot = p;
  }
  return out;
}

result<std::vector<output_field>> read_output_fields(const expr_reader& r, dom::element e,
                                                     const json_path& path) noexcept {
  SLUICE_TRY(items, array_at(e, path));
  std::vector<output_field> out;
  size_t i = 0;
  for (dom::element item : items) {
    const json_path item_path = child(path, i++);
    SLUICE_TRY(field, object_at(item, item_path));
    SLUICE_CHECK(dom::only_members(field, {"key", "expr"}, item_path));
    SLUICE_TRY(key, string_at(field, "key", item_path));
    SLUICE_TRY(expr_element, required_member(field, "expr", item_path));
    SLUICE_TRY(value, read_operand(r, expr_element, child(item_path, "expr")));
    out.push_back({std::string(key), value});
  }
  if (out.empty()) return make_error(error_code::invalid_value, "needs at least one field", path);
  return out;
}

}  // namespace sluice::query
