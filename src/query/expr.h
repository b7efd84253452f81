#pragma once
// Expression nodes of the query AST. Nodes are plain values kept in one pool per query and
// linked by index, so a tree is cheap to build, copy and walk, and never holds SQL.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "schema/catalog.h"

namespace sluice::query {

enum class expr_kind : uint8_t {
  column,
  param,
  comparison,
  in_list,
  in_values,
  null_check,
  negation,
  range,
  logical,
  aggregate,
  raw,
  field,
  subquery,
  exists,
  in_subquery,
};

struct expr_id {
  uint32_t index = 0;
};

// A column of a table the query names. `table_key` stays as written: the compiler maps it to
// the qualifier of the innermost query level that holds that table.
struct column_ref {
  static constexpr expr_kind kind = expr_kind::column;
  std::string table_key;
  const schema::column* column = nullptr;
};

// A value the caller keeps: the spec only carries its index.
struct param_ref {
  static constexpr expr_kind kind = expr_kind::param;
  uint32_t index = 0;
};

enum class compare_op : uint8_t { eq, ne, gt, gte, lt, lte, like, not_like, ilike, not_ilike };

struct comparison {
  static constexpr expr_kind kind = expr_kind::comparison;
  compare_op op = compare_op::eq;
  expr_id left;
  expr_id right;
};

// `left in (items...)`; an empty list is a constant (false, or true when negated).
struct in_list {
  static constexpr expr_kind kind = expr_kind::in_list;
  bool negated = false;
  expr_id left;
  std::vector<expr_id> items;
};

// `left in (...)` where the whole list is one caller value (an array): one statement shape
// whatever the list's length.
struct in_values {
  static constexpr expr_kind kind = expr_kind::in_values;
  bool negated = false;
  expr_id left;
  param_ref values;
};

struct null_check {
  static constexpr expr_kind kind = expr_kind::null_check;
  bool negated = false;
  expr_id arg;
};

struct negation {
  static constexpr expr_kind kind = expr_kind::negation;
  expr_id arg;
};

struct range {
  static constexpr expr_kind kind = expr_kind::range;
  bool negated = false;
  expr_id arg;
  expr_id low;
  expr_id high;
};

enum class logical_op : uint8_t { all_of, any_of };

// Always two or more arguments: the parser folds empty and single-argument and/or away.
struct logical {
  static constexpr expr_kind kind = expr_kind::logical;
  logical_op op = logical_op::all_of;
  std::vector<expr_id> args;
};

enum class aggregate_fn : uint8_t { count, sum, avg, min, max };

// An aggregate over the rows of a group: `count(*)` when `arg` is absent.
struct aggregate {
  static constexpr expr_kind kind = expr_kind::aggregate;
  aggregate_fn fn = aggregate_fn::count;
  bool distinct = false;
  std::optional<expr_id> arg;
};

// A piece of a raw fragment: SQL text as written, a nested expression (values bound, columns
// qualified as anywhere else), a table or an identifier the compiler quotes.
struct raw_part {
  enum class kind : uint8_t { text, expression, table, identifier };
  kind what = kind::text;
  std::string text;  // text: the SQL; identifier: the name
  expr_id value;     // expression
  const schema::table* table = nullptr;
};

// How a fragment's value is read when it is selected: as the database gives it, or as
// `.mapWith()` says (a number, a string, a boolean, or the type of `column`).
enum class raw_mapping : uint8_t { database, number, string, boolean, column };

// drizzle's sql`...` fragment: the text is the caller's own; values never enter it.
struct raw_sql {
  static constexpr expr_kind kind = expr_kind::raw;
  std::vector<raw_part> parts;
  raw_mapping mapping = raw_mapping::database;
  const schema::column* column = nullptr;  // raw_mapping::column
};

struct select_query;  // select.h: a select nests in expressions through these nodes

// A field of a subquery or CTE read by the query around it: `"source"."key"`. `value` is the
// field's expression inside the source (same pool), which gives the field its type.
struct field_ref {
  static constexpr expr_kind kind = expr_kind::field;
  std::string source;
  std::string key;
  expr_id value;
};

// `(select ...)` as a value: its one field's value for the row (null when no row).
struct subquery {
  static constexpr expr_kind kind = expr_kind::subquery;
  std::shared_ptr<const select_query> query;
};

// `exists (select ...)`; `query` is a subquery node.
struct exists_check {
  static constexpr expr_kind kind = expr_kind::exists;
  bool negated = false;
  expr_id query;
};

// `left in (select ...)`; `query` is a subquery node with one field.
struct in_subquery {
  static constexpr expr_kind kind = expr_kind::in_subquery;
  bool negated = false;
  expr_id left;
  expr_id query;
};

using expr = std::variant<column_ref, param_ref, comparison, in_list, in_values, null_check,
                          negation, range, logical, aggregate, raw_sql, field_ref, subquery,
                          exists_check, in_subquery>;

// Owns every expression node of one query. Nodes are appended while parsing and never changed.
class expr_pool {
 public:
  [[nodiscard]] expr_id add(expr node) noexcept {
    nodes_.push_back(std::move(node));
    return expr_id{static_cast<uint32_t>(nodes_.size() - 1)};
  }
  [[nodiscard]] const expr& operator[](expr_id id) const noexcept { return nodes_[id.index]; }

 private:
  std::vector<expr> nodes_;
};

}  // namespace sluice::query
