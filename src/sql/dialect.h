#pragma once
// What differs between databases: a capability table the shared compiler consults, and a few
// hooks for text that has no common spelling. Shared code asks capabilities, never "which
// database"; each dialect is one small class in its own file.
#include <cstdint>
#include <string>
#include <string_view>

#include "decode/plan.h"
#include "schema/catalog.h"
#include "sql/compile.h"

namespace sluice::sql {

class compile_context;

struct capabilities {
  uint32_t max_params;        // bound parameters per statement
  bool ilike;                 // has ILIKE; without it LIKE is already ASCII case-insensitive
  bool lateral_joins;         // relations attach as `left join lateral`, else scalar subqueries
  bool aggregate_order_by;    // orders inside the JSON aggregate (else the input is pre-ordered)
  bool distinct_on;           // `select distinct on (...)`
  bool set_operations_all;    // `intersect all`, `except all` (every dialect has `union all`)
  // Selects and relational queries return the caller's final JSON as one text cell, writes
  // with returning one final JSON object per row: rows are key/value objects whose cells the
  // database converts itself (json_value_template).
  bool builds_final_json;
  bool offset_needs_limit;    // OFFSET is only valid after a LIMIT
  bool enum_types;            // DDL: `create type ... as enum`; else text with a CHECK
  bool forward_foreign_keys;  // DDL: a foreign key may name a table created later
  bool autoincrement_primary_key;  // DDL: serial is an `integer primary key autoincrement` column
};

class dialect {
 public:
  virtual ~dialect() = default;

  [[nodiscard]] virtual const capabilities& caps() const noexcept = 0;
  // The placeholder for the `number`-th parameter (1-based, text order).
  virtual void placeholder(std::string& out, uint32_t number) const noexcept = 0;

  // JSON building blocks for rows: positional values, or key/value pairs on builds_final_json
  // dialects.
  [[nodiscard]] virtual std::string_view json_row_function() const noexcept = 0;
  [[nodiscard]] virtual std::string_view json_aggregate_function() const noexcept = 0;
  [[nodiscard]] virtual std::string_view empty_json_array() const noexcept = 0;

  // Text around a select whose result the dialect returns as one JSON cell (builds_final_json):
  // the rows arrive as a column "r" holding each row's JSON object. `single_row`: the result
  // is that object or `null` (findFirst), else an array of them.
  [[nodiscard]] virtual std::string_view result_prefix([[maybe_unused]] bool single_row) const noexcept {
    return {};
  }
  [[nodiscard]] virtual std::string_view result_suffix() const noexcept { return {}; }
  // builds_final_json: the function that turns JSON text back into JSON, so a relation
  // subquery nests as JSON instead of as a string.
  [[nodiscard]] virtual std::string_view json_parse_function() const noexcept { return {}; }
  // builds_final_json: the expression that turns a stored cell of `type` into its output JSON
  // value, with `{}` standing for the cell (possibly more than once); empty for "as stored".
  [[nodiscard]] virtual std::string_view json_value_template(
      [[maybe_unused]] decode::value_type type) const noexcept {
    return {};
  }

  // Text around the one parameter that holds a whole list for `left in (...)`: it follows the
  // left operand, and list_close() follows the placeholder.
  [[nodiscard]] virtual std::string_view list_open(bool negated) const noexcept = 0;
  [[nodiscard]] virtual std::string_view list_close() const noexcept = 0;

  // Without builds_final_json: the function that turns a selected fragment's value into its
  // JSON text, so the decoder reads its type from the JSON.
  [[nodiscard]] virtual std::string_view raw_cell_function() const noexcept { return {}; }

  // An insert row names only some columns; this fills one the caller left out. Columns that
  // need a value and have no database default never get here.
  virtual void missing_insert_value(compile_context& ctx,
                                    const schema::column& c) const noexcept = 0;

  // Default expressions, shared by DDL and insert filling.
  [[nodiscard]] virtual std::string_view now_expression(const schema::column& c) const noexcept = 0;
  [[nodiscard]] virtual std::string_view random_uuid_expression() const noexcept = 0;
  [[nodiscard]] virtual std::string_view boolean_literal(bool value) const noexcept = 0;
  // The DDL column type. `inline_primary_key`: the column is the table's autoincrement key.
  virtual void column_type(std::string& out, const schema::column& c,
                           bool inline_primary_key) const noexcept = 0;
};

[[nodiscard]] const dialect& dialect_for(dialect_id id) noexcept;
[[nodiscard]] const dialect& postgres_dialect() noexcept;  // postgres.cpp
[[nodiscard]] const dialect& sqlite_dialect() noexcept;    // sqlite.cpp

}  // namespace sluice::sql
