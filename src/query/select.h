#pragma once
// A `select` over one table with optional joins.
#include <optional>
#include <vector>

#include "query/common.h"

namespace sluice::query {

enum class join_type : uint8_t { inner, left, right, full, cross };

struct join_clause {
  join_type type = join_type::inner;
  const schema::table* table = nullptr;
  std::optional<expr_id> on;  // every type but cross
};

// `select distinct`, or Postgres' `select distinct on (...)`.
enum class distinct_kind : uint8_t { none, rows, on };

struct select_query {
  static constexpr query_kind kind = query_kind::select;
  const schema::table* table = nullptr;
  distinct_kind distinct = distinct_kind::none;
  std::vector<expr_id> distinct_on;  // distinct_kind::on only
  // Absent: every column of the table, then of each joined table (grouped per table when
  // there are joins, as drizzle returns `{users: {...}, posts: {...}}`).
  std::optional<std::vector<output_field>> fields;
  std::vector<join_clause> joins;
  std::optional<expr_id> where;
  std::vector<expr_id> group_by;
  std::optional<expr_id> having;
  std::vector<order_term> order_by;
  paging page;
};

}  // namespace sluice::query
