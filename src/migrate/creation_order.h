#pragma once
// The order in which tables can be created: each after the tables its foreign keys reference.
#include <vector>

#include "schema/catalog.h"

namespace sluice::migrate {

// Referenced tables first, otherwise the given order; a cycle is broken at its first table.
// References to tables outside `tables` count as satisfied. Reverse it to drop.
[[nodiscard]] std::vector<const schema::table*> creation_order(
    const std::vector<const schema::table*>& tables) noexcept;
[[nodiscard]] std::vector<const schema::table*> creation_order(const schema::catalog& cat) noexcept;

}  // namespace sluice::migrate
