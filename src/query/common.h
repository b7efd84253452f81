#pragma once
// Pieces shared by several statement families: the statement kind, output fields, ordering.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "query/expr.h"

namespace sluice::query {

enum class query_kind : uint8_t { select, insert, update, remove, count, find, execute };

// One named output value: a projection field or a `returning` field.
struct output_field {
  std::string key;
  expr_id value;
};

// `unspecified`: a bare expression sorts as its own text says (sql`x desc nulls last`).
enum class sort_direction : uint8_t { asc, desc, unspecified };

struct order_term {
  expr_id value;
  sort_direction direction = sort_direction::asc;
};

// limit/offset are always caller values, so a cached statement serves every page.
struct paging {
  std::optional<param_ref> limit;
  std::optional<param_ref> offset;
};

}  // namespace sluice::query
