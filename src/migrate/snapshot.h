#pragma once
// A snapshot: the canonical JSON of what a catalog puts in the database. It is a schema
// document (docs/internals.md §1) without relations, which produce no DDL, with every member
// in a fixed order, so the same schema always gives the same text and load_schema reads it
// back into the catalog it came from.
#include <string>

#include "schema/catalog.h"

namespace sluice::migrate {

[[nodiscard]] std::string snapshot_json(const schema::catalog& cat) noexcept;

}  // namespace sluice::migrate
