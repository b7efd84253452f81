#pragma once
// The pieces of CREATE DDL shared by the whole-schema generator (ddl.h) and the migration
// planner: column definitions, constraints, tables, indexes and enum types.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "schema/catalog.h"
#include "sql/dialect.h"

namespace sluice::migrate {

// SQL names to use instead of the catalog's for some tables (by key): a SQLite rebuild
// creates `__new_x` copies that must point at each other, not at the tables they replace.
using name_overrides = std::vector<std::pair<std::string, std::string>>;

[[nodiscard]] std::string_view table_sql_name(const schema::table& t,
                                              const name_overrides& overrides) noexcept;
[[nodiscard]] std::string_view fk_action_name(schema::fk_action a) noexcept;
// `("a", "b")` for column keys of `t`.
void append_column_names(std::string& out, const schema::table& t,
                         const std::vector<std::string>& keys) noexcept;
// The default clause's expression (`'viewer'`, `now()`), empty when the column has none in
// the database (no default, or a JS $defaultFn).
[[nodiscard]] std::string default_expression(const sql::dialect& d,
                                             const schema::column& c) noexcept;
// A column definition: name, type, not null, default and (without enum types) its enum check.
void append_column(std::string& out, const schema::catalog& cat, const sql::dialect& d,
                   const schema::column& c, bool inline_primary_key) noexcept;
// `constraint "x" foreign key (...) references "t" (...) on delete ... on update ...`
void append_foreign_key(std::string& out, const schema::catalog& cat, const schema::table& t,
                        const schema::foreign_key& fk, const name_overrides& overrides) noexcept;
// The serial column that is the whole primary key, when the dialect makes it the rowid alias.
[[nodiscard]] const schema::column* autoincrement_key(const sql::dialect& d,
                                                      const schema::table& t) noexcept;

struct create_table_options {
  name_overrides names;
  // Tables that exist when this statement runs: a dialect without forward foreign keys
  // adds a key to any other table by a separate statement, appended to `deferred`.
  std::vector<std::string> existing;
  bool if_not_exists = true;
};

[[nodiscard]] std::string create_table(const schema::catalog& cat, const sql::dialect& d,
                                       const schema::table& t, const create_table_options& options,
                                       std::vector<std::string>& deferred) noexcept;
[[nodiscard]] std::string create_index(std::string_view table_name, const schema::table& t,
                                       const schema::index& ix, bool if_not_exists) noexcept;
// `create type "role" as enum ('a', 'b')`
[[nodiscard]] std::string create_enum_type(const schema::enumeration& e) noexcept;
// Postgres has no `if not exists` for types or constraints: run the statement and treat
// "already there" as done.
[[nodiscard]] std::string ignoring_duplicates(const std::string& statement) noexcept;

}  // namespace sluice::migrate
