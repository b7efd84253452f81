// Readers of the expression nodes that call into SQL itself: aggregates (`{"agg":...}`) and
// raw fragments (`{"sql":[...]}`). Their operands are read back through read_operand, which
// counts the depth.
#include "query/read_calls.h"

namespace sluice::query {
namespace {

result<raw_part> read_raw_part(const expr_reader& r, dom::element e, const json_path& path) {
  if (auto text = e.get_string()) return raw_part{raw_part::kind::text, std::string(*text), {}, nullptr};
  SLUICE_TRY(o, object_at(e, path));
  if (auto table = dom::member(o, "table")) {
    SLUICE_CHECK(dom::only_members(o, {"table"}, path));
    const auto key = table->get_string();
    const schema::table* t = key ? r.catalog.find_table(*key) : nullptr;
    if (!t)
      return make_error(error_code::unknown_table, "no table \"" + std::string(key.value_or("")) + "\"",
                        child(path, "table"));
    return raw_part{raw_part::kind::table, {}, {}, t};
  }
  if (auto ident = dom::member(o, "ident")) {
    SLUICE_CHECK(dom::only_members(o, {"ident"}, path));
    const auto name = ident->get_string();
    if (!name || name->empty()) return invalid_at("must be a non-empty string", child(path, "ident"));
    return raw_part{raw_part::kind::identifier, std::string(*name), {}, nullptr};
  }
  SLUICE_TRY(id, read_operand(r, e, path));
  return raw_part{raw_part::kind::expression, {}, id, nullptr};
}

// `"mapWith":"number"|"string"|"boolean"|{"col":[t,k]}`.
status read_mapping(const expr_reader& r, dom::element e, raw_sql& out, const json_path& path) {
  if (auto name = e.get_string()) {
    if (*name == "number") out.mapping = raw_mapping::number;
    else if (*name == "string") out.mapping = raw_mapping::string;
    else if (*name == "boolean") out.mapping = raw_mapping::boolean;
    else return invalid_at("must be \"number\", \"string\", \"boolean\" or a column", path);
    return ok_status();
  }
  // Any column of the schema: only its type is used, so it need not be part of the query.
  auto o = e.get_object();
  auto col = o ? o->find("col") : std::nullopt;
  auto keys = col ? col->get_array() : std::nullopt;
  if (!keys || keys->size() != 2)
    return invalid_at("must be \"number\", \"string\", \"boolean\" or {\"col\":[table, column]}", path);
  SLUICE_CHECK(dom::only_members(*o, {"col"}, path));
  std::optional<std::string_view> names[2];
  size_t i = 0;
  for (dom::element item : *keys) names[i++] = item.get_string();
  const schema::table* t = names[0] ? r.catalog.find_table(*names[0]) : nullptr;
  const schema::column* c = t && names[1] ? t->find_column(*names[1]) : nullptr;
  if (!c) return make_error(error_code::unknown_column, "no such column", child(path, "col"));
  out.mapping = raw_mapping::column;
  out.column = c;
  return ok_status();
}

}  // namespace

result<expr_id> read_aggregate(const expr_reader& r, dom::object o, std::string_view name,
                               const json_path& path) noexcept {
  static constexpr std::pair<std::string_view, aggregate_fn> functions[] = {
      {"count", aggregate_fn::count}, {"sum", aggregate_fn::sum}, {"avg", aggregate_fn::avg},
      {"min", aggregate_fn::min},     {"max", aggregate_fn::max}};
  SLUICE_CHECK(dom::only_members(o, {"agg", "arg", "distinct"}, path));
  aggregate out;
  bool known = false;
  for (const auto& [n, fn] : functions)
    if (n == name) known = true, out.fn = fn;
  if (!known) return invalid_at("unknown aggregate \"" + std::string(name) + "\"", child(path, "agg"));
  if (auto distinct = dom::member(o, "distinct")) {
    const auto flag = distinct->get_bool();
    if (!flag) return invalid_at("must be true or false", child(path, "distinct"));
    out.distinct = *flag;
  }
  if (auto arg = dom::member(o, "arg")) {
    SLUICE_TRY(id, read_operand(r, *arg, child(path, "arg")));
    out.arg = id;
  } else if (out.fn != aggregate_fn::count || out.distinct) {
    return invalid_at("missing \"arg\"", path);
  }
  return r.pool.add(std::move(out));
}

result<expr_id> read_raw(const expr_reader& r, dom::object o, const json_path& path) noexcept {
  SLUICE_CHECK(dom::only_members(o, {"sql", "mapWith"}, path));
  raw_sql out;
  const json_path parts_path = child(path, "sql");
  SLUICE_TRY(parts, array_at(*dom::member(o, "sql"), parts_path));
  size_t i = 0;
  for (dom::element item : parts) {
    SLUICE_TRY(part, read_raw_part(r, item, child(parts_path, i++)));
    out.parts.push_back(std::move(part));
  }
  if (auto mapping = dom::member(o, "mapWith")) SLUICE_CHECK(read_mapping(r, *mapping, out, child(path, "mapWith")));
  return r.pool.add(std::move(out));
}

}  // namespace sluice::query
