#pragma once
// One parsed query spec: the statement and the pool its expressions live in.
#include <variant>

#include "query/relational.h"
#include "query/select.h"
#include "query/writes.h"

namespace sluice::query {

using statement = std::variant<select_query, insert_query, update_query, delete_query, count_query,
                               find_query, execute_query>;

struct spec {
  statement stmt;
  expr_pool exprs;
};

}  // namespace sluice::query
