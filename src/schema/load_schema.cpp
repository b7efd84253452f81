#include "schema/load_schema.h"

#include <array>
#include <utility>

#include "core/dom.h"

namespace sluice::schema {
namespace {

constexpr std::array<std::pair<std::string_view, column_type>, 15> column_type_names{{
    {"serial", column_type::serial},
    {"bigserial", column_type::bigserial},
    {"integer", column_type::integer},
    {"bigint", column_type::bigint},
    {"real", column_type::real},
    {"numeric", column_type::numeric},
    {"text", column_type::text},
    {"varchar", column_type::varchar},
    {"boolean", column_type::boolean},
    {"timestamp", column_type::timestamp},
    {"date", column_type::date},
    {"json", column_type::json},
    {"jsonb", column_type::jsonb},
    {"uuid", column_type::uuid},
    {"enum", column_type::enumeration},
}};

constexpr std::array<std::pair<std::string_view, fk_action>, 5> fk_action_names{{
    {"no action", fk_action::no_action},
    {"restrict", fk_action::restrict},
    {"cascade", fk_action::cascade},
    {"set null", fk_action::set_null},
    {"set default", fk_action::set_default},
}};

template <typename Enum, size_t N>
result<Enum> lookup(const std::array<std::pair<std::string_view, Enum>, N>& names,
                    std::string_view wanted, std::string_view what) {
  for (const auto& [name, value] : names)
    if (name == wanted) return value;
  return dom::invalid("unknown " + std::string(what) + " \"" + std::string(wanted) + "\"");
}

result<column_default> read_default(dom::object col) {
  column_default d;
  auto e = dom::member(col, "default");
  if (!e || e->is_null()) return d;
  SLUICE_TRY(o, dom::as_object(*e, "default"));
  SLUICE_TRY(kind, dom::required_string(o, "kind"));
  if (kind == "value") {
    auto v = dom::member(o, "value");
    if (!v) return dom::invalid("a value default needs \"value\"");
    d.kind = default_kind::value;
    d.value_json = dom::to_json(*v);
  } else if (kind == "now") {
    d.kind = default_kind::now;
  } else if (kind == "fn") {
    d.kind = default_kind::fn;
  } else if (kind == "random_uuid") {
    d.kind = default_kind::random_uuid;
  } else {
    return dom::invalid("unknown default kind \"" + kind + "\"");
  }
  return d;
}

result<column> read_column(dom::element e) {
  SLUICE_TRY(o, dom::as_object(e, "column"));
  column c;
  SLUICE_TRY(key, dom::required_string(o, "key"));
  c.key = std::move(key);
  SLUICE_TRY(name, dom::optional_string(o, "name", c.key));
  c.name = std::move(name);
  SLUICE_TRY(type_name, dom::required_string(o, "type"));
  SLUICE_TRY(type, lookup(column_type_names, type_name, "column type"));
  c.type = type;
  c.primary_key = dom::optional_bool(o, "primaryKey");
  c.not_null = dom::optional_bool(o, "notNull") || c.primary_key;
  c.with_timezone = dom::optional_bool(o, "withTimezone");
  c.on_update = dom::optional_bool(o, "onUpdate");
  SLUICE_TRY(length, dom::optional_int(o, "length"));
  SLUICE_TRY(precision, dom::optional_int(o, "precision"));
  SLUICE_TRY(scale, dom::optional_int(o, "scale"));
  if (length) c.length = static_cast<uint32_t>(*length);
  if (precision) c.precision = static_cast<uint32_t>(*precision);
  if (scale) c.scale = static_cast<uint32_t>(*scale);
  SLUICE_TRY(enum_name, dom::optional_string(o, "enum"));
  c.enum_name = std::move(enum_name);
  SLUICE_TRY(def, read_default(o));
  c.def = std::move(def);
  return c;
}

template <typename T, typename Reader>
status read_list(dom::object o, std::string_view key, std::vector<T>& out, Reader read) {
  auto e = dom::member(o, key);
  if (!e) return ok_status();
  SLUICE_TRY(items, dom::as_array(*e, key));
  for (dom::element item : items) {
    SLUICE_TRY(obj, dom::as_object(item, key));
    SLUICE_TRY(value, read(obj));
    out.push_back(std::move(value));
  }
  return ok_status();
}

result<index> read_index(dom::object o) {
  index ix;
  SLUICE_TRY(name, dom::required_string(o, "name"));
  SLUICE_TRY(columns, dom::string_list(o, "columns"));
  ix.name = std::move(name);
  ix.columns = std::move(columns);
  ix.unique = dom::optional_bool(o, "unique");
  return ix;
}

result<unique_constraint> read_unique(dom::object o) {
  SLUICE_TRY(name, dom::required_string(o, "name"));
  SLUICE_TRY(columns, dom::string_list(o, "columns"));
  return unique_constraint{std::move(name), std::move(columns)};
}

result<check> read_check(dom::object o) {
  SLUICE_TRY(name, dom::required_string(o, "name"));
  SLUICE_TRY(sql, dom::required_string(o, "sql"));
  return check{std::move(name), std::move(sql)};
}

result<foreign_key> read_foreign_key(dom::object o) {
  foreign_key fk;
  SLUICE_TRY(name, dom::required_string(o, "name"));
  SLUICE_TRY(columns, dom::string_list(o, "columns"));
  SLUICE_TRY(table_key, dom::required_string(o, "table"));
  SLUICE_TRY(references, dom::string_list(o, "references"));
  SLUICE_TRY(on_delete_name, dom::optional_string(o, "onDelete", "no action"));
  SLUICE_TRY(on_update_name, dom::optional_string(o, "onUpdate", "no action"));
  SLUICE_TRY(on_delete, lookup(fk_action_names, on_delete_name, "foreign key action"));
  SLUICE_TRY(on_update, lookup(fk_action_names, on_update_name, "foreign key action"));
  fk.name = std::move(name);
  fk.columns = std::move(columns);
  fk.table = std::move(table_key);
  fk.references = std::move(references);
  fk.on_delete = on_delete;
  fk.on_update = on_update;
  return fk;
}

result<relation> read_relation(dom::object o) {
  relation r;
  SLUICE_TRY(key, dom::required_string(o, "key"));
  SLUICE_TRY(kind, dom::required_string(o, "kind"));
  SLUICE_TRY(table_key, dom::required_string(o, "table"));
  SLUICE_TRY(fields, dom::string_list(o, "fields"));
  SLUICE_TRY(references, dom::string_list(o, "references"));
  if (kind != "one" && kind != "many") return dom::invalid("relation kind must be one or many");
  if (fields.empty() || fields.size() != references.size())
    return dom::invalid("relation \"" + key + "\" needs matching fields and references");
  r.key = std::move(key);
  r.kind = kind == "one" ? relation_kind::one : relation_kind::many;
  r.table = std::move(table_key);
  r.fields = std::move(fields);
  r.references = std::move(references);
  return r;
}

result<table> read_table(dom::object o) {
  table t;
  SLUICE_TRY(key, dom::required_string(o, "key"));
  t.key = std::move(key);
  SLUICE_TRY(name, dom::optional_string(o, "name", t.key));
  t.name = std::move(name);
  auto cols = dom::member(o, "columns");
  if (!cols) return dom::invalid("table \"" + t.key + "\" has no columns");
  SLUICE_TRY(col_array, dom::as_array(*cols, "columns"));
  for (dom::element c : col_array) {
    SLUICE_TRY(col, read_column(c));
    t.columns.push_back(std::move(col));
  }
  SLUICE_TRY(primary_key, dom::string_list(o, "primaryKey"));
  t.primary_key = std::move(primary_key);
  if (t.primary_key.empty())
    for (const auto& c : t.columns)
      if (c.primary_key) t.primary_key.push_back(c.key);
  SLUICE_CHECK(read_list(o, "uniques", t.uniques, read_unique));
  SLUICE_CHECK(read_list(o, "indexes", t.indexes, read_index));
  SLUICE_CHECK(read_list(o, "foreignKeys", t.foreign_keys, read_foreign_key));
  SLUICE_CHECK(read_list(o, "checks", t.checks, read_check));
  SLUICE_CHECK(read_list(o, "relations", t.relations, read_relation));
  return t;
}

result<enumeration> read_enum(dom::object o) {
  SLUICE_TRY(name, dom::required_string(o, "name"));
  SLUICE_TRY(values, dom::string_list(o, "values"));
  if (values.empty()) return dom::invalid("enum \"" + name + "\" has no values");
  return enumeration{std::move(name), std::move(values)};
}

status require_columns(const table& t, const std::vector<std::string>& keys) {
  for (const auto& k : keys)
    if (!t.find_column(k))
      return make_error(error_code::unknown_column,
                        "table \"" + t.key + "\" has no column \"" + k + "\"", {t.key, k});
  return ok_status();
}

result<const table*> require_table(const catalog& cat, const std::string& key) {
  const table* t = cat.find_table(key);
  if (!t) return make_error(error_code::unknown_table, "no table \"" + key + "\"", {key});
  return t;
}

// Every key the document names must exist, so later stages can look things up unchecked.
status check_references(const catalog& cat) {
  for (const auto& t : cat.tables) {
    SLUICE_CHECK(require_columns(t, t.primary_key));
    for (const auto& c : t.columns)
      if (c.type == column_type::enumeration && !cat.find_enum(c.enum_name))
        return make_error(error_code::unknown_enum, "no enum \"" + c.enum_name + "\"",
                          {t.key, c.key});
    for (const auto& u : t.uniques) SLUICE_CHECK(require_columns(t, u.columns));
    for (const auto& ix : t.indexes) SLUICE_CHECK(require_columns(t, ix.columns));
    for (const auto& fk : t.foreign_keys) {
      SLUICE_CHECK(require_columns(t, fk.columns));
      SLUICE_TRY(target, require_table(cat, fk.table));
      SLUICE_CHECK(require_columns(*target, fk.references));
    }
    for (const auto& r : t.relations) {
      SLUICE_CHECK(require_columns(t, r.fields));
      SLUICE_TRY(target, require_table(cat, r.table));
      SLUICE_CHECK(require_columns(*target, r.references));
    }
  }
  return ok_status();
}

}  // namespace

result<catalog> load_schema(std::string_view document) noexcept {
  dom::document doc;
  SLUICE_TRY(root, dom::parse(doc, document));
  SLUICE_TRY(o, dom::as_object(root, "schema document"));
  catalog cat;
  SLUICE_CHECK(read_list(o, "enums", cat.enums, read_enum));
  SLUICE_CHECK(read_list(o, "tables", cat.tables, read_table));
  SLUICE_CHECK(check_references(cat));
  return cat;
}

}  // namespace sluice::schema
