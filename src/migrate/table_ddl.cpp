#include "migrate/table_ddl.h"

#include <algorithm>

#include "core/json_tree.h"
#include "migrate/literal.h"
#include "sql/identifier.h"
#include "sql/types.h"

namespace sluice::migrate {
namespace {

using schema::column;
using schema::table;
using sql::append_identifier;

// A literal default. json columns take the JSON text itself; other values by JSON type.
void append_value_literal(std::string& out, const sql::dialect& d, const column& c) {
  dom::document doc;
  auto parsed = dom::parse(doc, c.def.value_json);
  if (sql::is_json(c) || !parsed.ok()) {
    append_string_literal(out, c.def.value_json);
    return;
  }
  const dom::element e = parsed.value();
  switch (e.kind()) {
    case dom::json_kind::string: append_string_literal(out, *e.get_string()); return;
    case dom::json_kind::boolean: out += d.boolean_literal(*e.get_bool()); return;
    case dom::json_kind::null: out += "null"; return;
    case dom::json_kind::number: out += c.def.value_json; return;
    case dom::json_kind::array:
    case dom::json_kind::object: append_string_literal(out, c.def.value_json); return;
  }
}

}  // namespace

std::string_view table_sql_name(const table& t, const name_overrides& overrides) noexcept {
  for (const auto& [key, name] : overrides)
    if (key == t.key) return name;
  return t.name;
}

std::string_view fk_action_name(schema::fk_action a) noexcept {
  switch (a) {
    case schema::fk_action::no_action: return "no action";
    case schema::fk_action::restrict: return "restrict";
    case schema::fk_action::cascade: return "cascade";
    case schema::fk_action::set_null: return "set null";
    case schema::fk_action::set_default: return "set default";
  }
  return "no action";
}

void append_column_names(std::string& out, const table& t,
                         const std::vector<std::string>& keys) noexcept {
  out += '(';
  for (size_t i = 0; i < keys.size(); ++i) {
    if (i) out += ", ";
    append_identifier(out, t.find_column(keys[i])->name);
  }
  out += ')';
}

std::string default_expression(const sql::dialect& d, const column& c) noexcept {
  std::string out;
  switch (c.def.kind) {
    case schema::default_kind::value: append_value_literal(out, d, c); break;
    case schema::default_kind::now: out += d.now_expression(c); break;
    case schema::default_kind::random_uuid: out += d.random_uuid_expression(); break;
    case schema::default_kind::none:
    case schema::default_kind::fn: break;  // fn values always come from the JS side
  }
  return out;
}

void append_column(std::string& out, const schema::catalog& cat, const sql::dialect& d,
                   const column& c, bool inline_primary_key) noexcept {
  append_identifier(out, c.name);
  out += ' ';
  d.column_type(out, c, inline_primary_key);
  if (c.not_null && !inline_primary_key) out += " not null";
  if (auto def = default_expression(d, c); !def.empty()) out += " default " + def;
  if (c.type != schema::column_type::enumeration || d.caps().enum_types) return;
  out += " check (";
  append_identifier(out, c.name);
  out += " in (";
  const auto& values = cat.find_enum(c.enum_name)->values;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out += ", ";
    append_string_literal(out, values[i]);
  }
  out += "))";
}

void append_foreign_key(std::string& out, const schema::catalog& cat, const table& t,
                        const schema::foreign_key& fk, const name_overrides& overrides) noexcept {
  const table& target = *cat.find_table(fk.table);
  out += "constraint ";
  append_identifier(out, fk.name);
  out += " foreign key ";
  append_column_names(out, t, fk.columns);
  out += " references ";
  append_identifier(out, table_sql_name(target, overrides));
  out += ' ';
  append_column_names(out, target, fk.references);
  out += " on delete ";
  out += fk_action_name(fk.on_delete);
  out += " on update ";
  out += fk_action_name(fk.on_update);
}

const column* autoincrement_key(const sql::dialect& d, const table& t) noexcept {
  if (!d.caps().autoincrement_primary_key || t.primary_key.size() != 1) return nullptr;
  const column* pk = t.find_column(t.primary_key[0]);
  const bool serial =
      pk->type == schema::column_type::serial || pk->type == schema::column_type::bigserial;
  return serial ? pk : nullptr;
}

std::string create_table(const schema::catalog& cat, const sql::dialect& d, const table& t,
                         const create_table_options& options,
                         std::vector<std::string>& deferred) noexcept {
  const column* autoincrement = autoincrement_key(d, t);
  std::string s = options.if_not_exists ? "create table if not exists " : "create table ";
  append_identifier(s, table_sql_name(t, options.names));
  s += " (";
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (i) s += ", ";
    append_column(s, cat, d, t.columns[i], &t.columns[i] == autoincrement);
  }
  if (!t.primary_key.empty() && !autoincrement) {
    s += ", primary key ";
    append_column_names(s, t, t.primary_key);
  }
  for (const auto& u : t.uniques) {
    s += ", constraint ";
    append_identifier(s, u.name);
    s += " unique ";
    append_column_names(s, t, u.columns);
  }
  for (const auto& fk : t.foreign_keys) {
    const bool exists = fk.table == t.key || std::find(options.existing.begin(), options.existing.end(),
                                                       fk.table) != options.existing.end();
    if (exists || d.caps().forward_foreign_keys) {
      s += ", ";
      append_foreign_key(s, cat, t, fk, options.names);
      continue;
    }
    std::string alter = "alter table ";
    append_identifier(alter, table_sql_name(t, options.names));
    alter += " add ";
    append_foreign_key(alter, cat, t, fk, options.names);
    deferred.push_back(options.if_not_exists ? ignoring_duplicates(alter) : alter);
  }
  for (const auto& ck : t.checks) {
    s += ", constraint ";
    append_identifier(s, ck.name);
    s += " check (" + ck.sql + ")";
  }
  s += ')';
  return s;
}

std::string create_index(std::string_view table_name, const table& t, const schema::index& ix,
                         bool if_not_exists) noexcept {
  std::string s = ix.unique ? "create unique index " : "create index ";
  if (if_not_exists) s += "if not exists ";
  append_identifier(s, ix.name);
  s += " on ";
  append_identifier(s, table_name);
  s += ' ';
  append_column_names(s, t, ix.columns);
  return s;
}

std::string create_enum_type(const schema::enumeration& e) noexcept {
  std::string s = "create type ";
  append_identifier(s, e.name);
  s += " as enum (";
  for (size_t i = 0; i < e.values.size(); ++i) {
    if (i) s += ", ";
    append_string_literal(s, e.values[i]);
  }
  s += ')';
  return s;
}

std::string ignoring_duplicates(const std::string& statement) noexcept {
  return "do $$ begin " + statement + "; exception when duplicate_object then null; end $$";
}

}  // namespace sluice::migrate
