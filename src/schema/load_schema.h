#pragma once
// Parses a schema document (docs/internals.md §1) into a catalog and checks that every
// reference in it resolves.
#include <string_view>

#include "core/result.h"
#include "schema/catalog.h"

namespace sluice::schema {

// Errors: invalid_json, invalid_document, unknown_table, unknown_column, unknown_enum.
[[nodiscard]] result<catalog> load_schema(std::string_view document) noexcept;

}  // namespace sluice::schema
