#pragma once
// Statements that change rows (insert, update, delete) and `count`.
#include <memory>
#include <optional>
#include <vector>

#include "query/common.h"
#include "query/select.h"

namespace sluice::query {

struct assignment {
  const schema::column* column = nullptr;
  expr_id value;
};

// `returning` every column of the table, or the listed fields.
struct returning_clause {
  bool all_columns = true;
  std::vector<output_field> fields;
};

enum class conflict_action : uint8_t { nothing, update };

struct on_conflict {
  conflict_action action = conflict_action::nothing;
  std::vector<const schema::column*> target;
  std::vector<assignment> set;  // update only, never empty then
};

struct insert_query {
  static constexpr query_kind kind = query_kind::insert;
  const schema::table* table = nullptr;
  // Each row names only the columns the caller gave; the compiler fills the rest.
  std::vector<std::vector<assignment>> rows;
  // `insert ... select`, instead of rows: each field key names the column it fills.
  std::shared_ptr<const select_query> select;
  std::optional<on_conflict> conflict;
  std::optional<returning_clause> returning;
  std::vector<std::shared_ptr<const named_source>> with;  // CTEs written before the statement
};

struct update_query {
  static constexpr query_kind kind = query_kind::update;
  const schema::table* table = nullptr;
  std::vector<assignment> set;
  std::optional<expr_id> where;
  std::optional<returning_clause> returning;
  std::vector<std::shared_ptr<const named_source>> with;  // CTEs written before the statement
};

struct delete_query {
  static constexpr query_kind kind = query_kind::remove;
  const schema::table* table = nullptr;
  std::optional<expr_id> where;
  std::optional<returning_clause> returning;
  std::vector<std::shared_ptr<const named_source>> with;  // CTEs written before the statement
};

// db.execute(sql`...`): one raw statement; its rows are the driver's own objects.
struct execute_query {
  static constexpr query_kind kind = query_kind::execute;
  expr_id statement;
};

struct count_query {
  static constexpr query_kind kind = query_kind::count;
  const schema::table* table = nullptr;
  std::optional<expr_id> where;
};

}  // namespace sluice::query
