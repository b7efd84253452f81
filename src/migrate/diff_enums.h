#pragma once
// Enum differences: new and dropped types, values added (in place), values removed or
// reordered.
#include <vector>

#include "migrate/change.h"
#include "schema/catalog.h"

namespace sluice::migrate {

void diff_enums(const schema::catalog& before, const schema::catalog& after,
                std::vector<change>& out) noexcept;

}  // namespace sluice::migrate
