#pragma once
// The catalog: tables, columns, constraints and relations of one schema document.
// Plain data, loaded once (see load_schema.h) and then only read.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sluice::schema {

enum class column_type : uint8_t {
  serial,
  bigserial,
  integer,
  bigint,
  real,
  numeric,
  text,
  varchar,
  boolean,
  timestamp,
  date,
  json,
  jsonb,
  uuid,
  enumeration,
};

enum class default_kind : uint8_t { none, value, now, fn, random_uuid };

struct column_default {
  default_kind kind = default_kind::none;
  std::string value_json;  // the literal, as JSON text, when kind == value
};

struct column {
  std::string key;   // JS property name, the name in results and specs
  std::string name;  // SQL name
  column_type type = column_type::text;
  bool not_null = false;
  bool primary_key = false;
  bool with_timezone = false;
  bool on_update = false;  // a JS $onUpdate value is added to every update
  std::optional<uint32_t> length;
  std::optional<uint32_t> precision;
  std::optional<uint32_t> scale;
  std::string enum_name;
  column_default def;

  [[nodiscard]] bool has_default() const noexcept {
    return def.kind != default_kind::none || type == column_type::serial ||
           type == column_type::bigserial;
  }
};

enum class fk_action : uint8_t { no_action, restrict, cascade, set_null, set_default };

struct foreign_key {
  std::string name;
  std::vector<std::string> columns;  // column keys of this table
  std::string table;                 // table key
  std::vector<std::string> references;
  fk_action on_delete = fk_action::no_action;
  fk_action on_update = fk_action::no_action;
};

struct index {
  std::string name;
  std::vector<std::string> columns;
  bool unique = false;
};

struct unique_constraint {
  std::string name;
  std::vector<std::string> columns;
};

struct check {
  std::string name;
  std::string sql;
};

enum class relation_kind : uint8_t { one, many };

struct relation {
  std::string key;
  relation_kind kind = relation_kind::many;
  std::string table;                   // target table key
  std::vector<std::string> fields;     // columns of this table
  std::vector<std::string> references; // columns of the target table
};

struct table {
  std::string key;
  std::string name;
  std::vector<column> columns;
  std::vector<std::string> primary_key;
  std::vector<unique_constraint> uniques;
  std::vector<index> indexes;
  std::vector<foreign_key> foreign_keys;
  std::vector<check> checks;
  std::vector<relation> relations;

  [[nodiscard]] const column* find_column(std::string_view column_key) const noexcept;
  [[nodiscard]] const relation* find_relation(std::string_view relation_key) const noexcept;
};

struct enumeration {
  std::string name;
  std::vector<std::string> values;
};

struct catalog {
  std::vector<enumeration> enums;
  std::vector<table> tables;

  [[nodiscard]] const table* find_table(std::string_view table_key) const noexcept;
  [[nodiscard]] const enumeration* find_enum(std::string_view name) const noexcept;
};

}  // namespace sluice::schema
