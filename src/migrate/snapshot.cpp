#include "migrate/snapshot.h"

#include "core/json_writer.h"
#include "migrate/table_ddl.h"

namespace sluice::migrate {
namespace {

using schema::column_type;

std::string_view type_name(column_type t) {
  switch (t) {
    case column_type::serial: return "serial";
    case column_type::bigserial: return "bigserial";
    case column_type::integer: return "integer";
    case column_type::bigint: return "bigint";
    case column_type::real: return "real";
    case column_type::numeric: return "numeric";
    case column_type::text: return "text";
    case column_type::varchar: return "varchar";
    case column_type::boolean: return "boolean";
    case column_type::timestamp: return "timestamp";
    case column_type::date: return "date";
    case column_type::json: return "json";
    case column_type::jsonb: return "jsonb";
    case column_type::uuid: return "uuid";
    case column_type::enumeration: return "enum";
  }
  return "text";
}

void strings(json_writer& w, std::string_view key, const std::vector<std::string>& list) {
  w.key(key);
  w.begin_array();
  for (const auto& s : list) w.string(s);
  w.end_array();
}

void write_default(json_writer& w, const schema::column_default& d) {
  std::string_view kind;
  switch (d.kind) {
    case schema::default_kind::none: return;
    case schema::default_kind::value: kind = "value"; break;
    case schema::default_kind::now: kind = "now"; break;
    case schema::default_kind::fn: kind = "fn"; break;
    case schema::default_kind::random_uuid: kind = "random_uuid"; break;
  }
  w.key("default");
  w.begin_object();
  w.key("kind");
  w.string(kind);
  if (d.kind == schema::default_kind::value) {
    w.key("value");
    w.raw(d.value_json);
  }
  w.end_object();
}

void write_column(json_writer& w, const schema::column& c) {
  w.begin_object();
  w.key("key");
  w.string(c.key);
  w.key("name");
  w.string(c.name);
  w.key("type");
  w.string(type_name(c.type));
  if (c.length) {
    w.key("length");
    w.uint64(*c.length);
  }
  if (c.precision) {
    w.key("precision");
    w.uint64(*c.precision);
  }
  if (c.scale) {
    w.key("scale");
    w.uint64(*c.scale);
  }
  if (c.with_timezone) {
    w.key("withTimezone");
    w.boolean(true);
  }
  if (!c.enum_name.empty()) {
    w.key("enum");
    w.string(c.enum_name);
  }
  w.key("notNull");
  w.boolean(c.not_null);
  write_default(w, c.def);
  w.end_object();
}

template <typename T, typename Write>
void list(json_writer& w, std::string_view key, const std::vector<T>& items, Write write) {
  w.key(key);
  w.begin_array();
  for (const auto& item : items) {
    w.begin_object();
    write(item);
    w.end_object();
  }
  w.end_array();
}

void write_table(json_writer& w, const schema::table& t) {
  w.begin_object();
  w.key("key");
  w.string(t.key);
  w.key("name");
  w.string(t.name);
  w.key("columns");
  w.begin_array();
  for (const auto& c : t.columns) write_column(w, c);
  w.end_array();
  strings(w, "primaryKey", t.primary_key);
  list(w, "uniques", t.uniques, [&](const schema::unique_constraint& u) {
    w.key("name");
    w.string(u.name);
    strings(w, "columns", u.columns);
  });
  list(w, "indexes", t.indexes, [&](const schema::index& ix) {
    w.key("name");
    w.string(ix.name);
    strings(w, "columns", ix.columns);
    w.key("unique");
    w.boolean(ix.unique);
  });
  list(w, "foreignKeys", t.foreign_keys, [&](const schema::foreign_key& fk) {
    w.key("name");
    w.string(fk.name);
    strings(w, "columns", fk.columns);
    w.key("table");
    w.string(fk.table);
    strings(w, "references", fk.references);
    w.key("onDelete");
    w.string(fk_action_name(fk.on_delete));
    w.key("onUpdate");
    w.string(fk_action_name(fk.on_update));
  });
  list(w, "checks", t.checks, [&](const schema::check& ck) {
    w.key("name");
    w.string(ck.name);
    w.key("sql");
    w.string(ck.sql);
  });
  w.end_object();
}

}  // namespace

std::string snapshot_json(const schema::catalog& cat) noexcept {
  json_writer w;
  w.begin_object();
  w.key("version");
  w.uint64(1);
  list(w, "enums", cat.enums, [&](const schema::enumeration& e) {
    w.key("name");
    w.string(e.name);
    strings(w, "values", e.values);
  });
  w.key("tables");
  w.begin_array();
  for (const auto& t : cat.tables) write_table(w, t);
  w.end_array();
  w.end_object();
  return w.take();
}

}  // namespace sluice::migrate
