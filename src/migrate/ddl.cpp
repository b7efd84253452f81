#include "migrate/ddl.h"

#include <algorithm>

#include "migrate/literal.h"
#include "simdjson.h"
#include "sql/dialect.h"
#include "sql/identifier.h"
#include "sql/types.h"

namespace sluice::migrate {
namespace {

using schema::column;
using schema::table;
using sql::append_identifier;

std::string_view action_name(schema::fk_action a) {
  switch (a) {
    case schema::fk_action::no_action: return "no action";
    case schema::fk_action::restrict: return "restrict";
    case schema::fk_action::cascade: return "cascade";
    case schema::fk_action::set_null: return "set null";
    case schema::fk_action::set_default: return "set default";
  }
  return "no action";
}

void append_column_names(std::string& out, const table& t, const std::vector<std::string>& keys) {
  out += '(';
  for (size_t i = 0; i < keys.size(); ++i) {
    if (i) out += ", ";
    append_identifier(out, t.find_column(keys[i])->name);
  }
  out += ')';
}

// A literal default. json columns take the JSON text itself; other values by JSON type.
void append_value_literal(std::string& out, const sql::dialect& d, const column& c) {
  simdjson::dom::parser parser;
  simdjson::dom::element e;
  if (sql::is_json(c) || parser.parse(c.def.value_json).get(e)) {
    append_string_literal(out, c.def.value_json);
    return;
  }
  switch (e.type()) {
    case simdjson::dom::element_type::STRING:
      append_string_literal(out, e.get_string().value_unsafe());
      return;
    case simdjson::dom::element_type::BOOL:
      out += d.boolean_literal(e.get_bool().value_unsafe());
      return;
    case simdjson::dom::element_type::NULL_VALUE: out += "null"; return;
    case simdjson::dom::element_type::INT64:
    case simdjson::dom::element_type::UINT64:
    case simdjson::dom::element_type::DOUBLE: out += c.def.value_json; return;
    case simdjson::dom::element_type::ARRAY:
    case simdjson::dom::element_type::OBJECT: append_string_literal(out, c.def.value_json); return;
  }
}

void append_default(std::string& out, const sql::dialect& d, const column& c) {
  switch (c.def.kind) {
    case schema::default_kind::value:
      out += " default ";
      append_value_literal(out, d, c);
      return;
    case schema::default_kind::now:
      out += " default ";
      out += d.now_expression(c);
      return;
    case schema::default_kind::random_uuid:
      out += " default ";
      out += d.random_uuid_expression();
      return;
    case schema::default_kind::none:
    case schema::default_kind::fn: return;  // fn values always come from the JS side
  }
}

void append_column(std::string& out, const schema::catalog& cat, const sql::dialect& d,
                   const column& c, bool inline_primary_key) {
  append_identifier(out, c.name);
  out += ' ';
  d.column_type(out, c, inline_primary_key);
  if (c.not_null && !inline_primary_key) out += " not null";
  append_default(out, d, c);
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
                        const schema::foreign_key& fk) {
  const table& target = *cat.find_table(fk.table);
  out += "constraint ";
  append_identifier(out, fk.name);
  out += " foreign key ";
  append_column_names(out, t, fk.columns);
  out += " references ";
  append_identifier(out, target.name);
  out += ' ';
  append_column_names(out, target, fk.references);
  out += " on delete ";
  out += action_name(fk.on_delete);
  out += " on update ";
  out += action_name(fk.on_update);
}

// Postgres has no `if not exists` for types or constraints: run the statement and treat
// "already there" as done.
std::string ignoring_duplicates(const std::string& statement) {
  return "do $$ begin " + statement + "; exception when duplicate_object then null; end $$";
}

// Referenced tables first, otherwise schema order; a cycle is broken at its first table.
std::vector<const table*> creation_order(const schema::catalog& cat) {
  const size_t n = cat.tables.size();
  std::vector<bool> placed(n, false);
  auto is_placed = [&](const std::string& key) {
    for (size_t i = 0; i < n; ++i)
      if (placed[i] && cat.tables[i].key == key) return true;
    return false;
  };
  auto ready = [&](const table& t) {
    return std::all_of(t.foreign_keys.begin(), t.foreign_keys.end(),
                       [&](const auto& fk) { return fk.table == t.key || is_placed(fk.table); });
  };
  std::vector<const table*> order;
  while (order.size() < n) {
    size_t pick = n;
    for (size_t i = 0; i < n; ++i) {
      if (placed[i]) continue;
      if (pick == n) pick = i;
      if (ready(cat.tables[i])) {
        pick = i;
        break;
      }
    }
    placed[pick] = true;
    order.push_back(&cat.tables[pick]);
  }
  return order;
}

std::string create_enum(const schema::enumeration& e) {
  std::string s = "create type ";
  append_identifier(s, e.name);
  s += " as enum (";
  for (size_t i = 0; i < e.values.size(); ++i) {
    if (i) s += ", ";
    append_string_literal(s, e.values[i]);
  }
  s += ')';
  return ignoring_duplicates(s);
}

// The serial column that is the whole primary key, when the dialect makes it the rowid alias.
const column* autoincrement_key(const sql::dialect& d, const table& t) {
  if (!d.caps().autoincrement_primary_key || t.primary_key.size() != 1) return nullptr;
  const column* pk = t.find_column(t.primary_key[0]);
  const bool serial =
      pk->type == schema::column_type::serial || pk->type == schema::column_type::bigserial;
  return serial ? pk : nullptr;
}

// `created` lists the tables that exist before this one (this one included); foreign keys
// the dialect cannot create yet go to `deferred`.
std::string create_table(const schema::catalog& cat, const sql::dialect& d, const table& t,
                         const std::vector<const table*>& created,
                         std::vector<std::string>& deferred) {
  const column* autoincrement = autoincrement_key(d, t);
  std::string s = "create table if not exists ";
  append_identifier(s, t.name);
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
    const bool exists = std::any_of(created.begin(), created.end(),
                                    [&](const table* c) { return c->key == fk.table; });
    if (exists || d.caps().forward_foreign_keys) {
      s += ", ";
      append_foreign_key(s, cat, t, fk);
      continue;
    }
    std::string alter = "alter table ";
    append_identifier(alter, t.name);
    alter += " add ";
    append_foreign_key(alter, cat, t, fk);
    deferred.push_back(ignoring_duplicates(alter));
  }
  for (const auto& ck : t.checks) {
    s += ", constraint ";
    append_identifier(s, ck.name);
    s += " check (" + ck.sql + ")";
  }
  s += ')';
  return s;
}

std::string create_index(const table& t, const schema::index& ix) {
  std::string s = ix.unique ? "create unique index if not exists " : "create index if not exists ";
  append_identifier(s, ix.name);
  s += " on ";
  append_identifier(s, t.name);
  s += ' ';
  append_column_names(s, t, ix.columns);
  return s;
}

}  // namespace

std::vector<std::string> create_schema_ddl(const schema::catalog& cat,
                                           sql::dialect_id dialect) noexcept {
  const sql::dialect& d = sql::dialect_for(dialect);
  std::vector<std::string> out;
  if (d.caps().enum_types)
    for (const auto& e : cat.enums) out.push_back(create_enum(e));
  std::vector<std::string> indexes;
  std::vector<std::string> deferred;
  std::vector<const table*> created;
  for (const table* t : creation_order(cat)) {
    created.push_back(t);
    out.push_back(create_table(cat, d, *t, created, deferred));
    for (const auto& ix : t->indexes) indexes.push_back(create_index(*t, ix));
  }
  out.insert(out.end(), indexes.begin(), indexes.end());
  out.insert(out.end(), deferred.begin(), deferred.end());
  return out;
}

}  // namespace sluice::migrate
