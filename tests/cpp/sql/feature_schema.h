#pragma once
// A second schema for what the tutorial does not exercise: uuid, jsonb and json, date, numeric,
// bigserial, composite keys, checks, uniques, defaults of every kind, names that need quoting,
// and a table listed before the table its foreign key references.
#include "schema/catalog.h"

namespace sluice::testing {

[[nodiscard]] const schema::catalog& feature_catalog();

}  // namespace sluice::testing
