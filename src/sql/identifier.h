#pragma once
// Identifier quoting shared by the compiler and the DDL generator. Identifiers only ever come
// from the catalog, and are still quoted so no name can end the quoted span.
#include <string>
#include <string_view>

namespace sluice::sql {

// Appends `"name"`, doubling any `"` inside (both dialects quote the SQL-standard way).
void append_identifier(std::string& out, std::string_view name) noexcept;

}  // namespace sluice::sql
