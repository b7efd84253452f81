#pragma once
// Relational queries (drizzle's `db.query.<table>.findMany/findFirst`): a tree of levels, the
// root over the queried table and one child per `with` entry.
#include <optional>
#include <vector>

#include "query/common.h"

namespace sluice::query {

struct relation_level {
  const schema::table* table = nullptr;
  const schema::relation* relation = nullptr;  // how this level joins its parent; null at the root
  std::vector<const schema::column*> columns;  // in output order
  std::optional<expr_id> where;
  std::vector<order_term> order_by;
  paging page;
  std::vector<relation_level> with;
};

struct find_query {
  static constexpr query_kind kind = query_kind::find;
  bool first = false;  // findFirst: one row or null
  relation_level root;
};

}  // namespace sluice::query
