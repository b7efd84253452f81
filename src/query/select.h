#pragma once
// A `select` over a table or a named source (a subquery, a CTE), with optional joins, set
// operations and CTEs.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "query/common.h"

namespace sluice::query {

enum class join_type : uint8_t { inner, left, right, full, cross };

struct select_query;

// A subquery in `from`/`join` (`(select ...) "alias"`) or a CTE read by its name. Outer
// queries read its fields as `"alias"."key"` (field_ref).
struct named_source {
  std::string alias;
  std::vector<output_field> fields;  // values inside the source's own query
  std::shared_ptr<const select_query> query;
  bool cte = false;  // written once in `with`, read by name
};

struct join_clause {
  join_type type = join_type::inner;
  const schema::table* table = nullptr;  // null when `named` is set
  std::shared_ptr<const named_source> named;
  std::optional<expr_id> on;  // every type but cross
};

// `select distinct`, or Postgres' `select distinct on (...)`.
enum class distinct_kind : uint8_t { none, rows, on };

enum class set_operator : uint8_t { union_, intersect, except };

// ` union [all] <query>` after a select; `query` has no set operations, order or paging.
struct set_operation {
  set_operator op = set_operator::union_;
  bool all = false;
  std::shared_ptr<const select_query> query;
};

struct select_query {
  static constexpr query_kind kind = query_kind::select;
  const schema::table* table = nullptr;  // null when `named` is set
  std::shared_ptr<const named_source> named;
  std::vector<std::shared_ptr<const named_source>> with;  // CTEs, the statement's only
  distinct_kind distinct = distinct_kind::none;
  std::vector<expr_id> distinct_on;  // distinct_kind::on only
  // Absent: every column of the table, then of each joined table (grouped per table when
  // there are joins, as drizzle returns `{users: {...}, posts: {...}}`).
  std::optional<std::vector<output_field>> fields;
  std::vector<join_clause> joins;
  std::optional<expr_id> where;
  std::vector<expr_id> group_by;
  std::optional<expr_id> having;
  std::vector<set_operation> set_operations;
  // With set operations: the order and paging of the combined rows.
  std::vector<order_term> order_by;
  paging page;
};

}  // namespace sluice::query
