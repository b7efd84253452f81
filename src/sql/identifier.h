#pragma once
// Quoting shared by the compiler and the DDL generator. Identifiers only ever come from the
// catalog, and are still quoted so no name can end the quoted span.
#include <string>
#include <string_view>

namespace sluice::sql {

// Appends `"name"`, doubling any `"` inside (both dialects quote the SQL-standard way).
void append_identifier(std::string& out, std::string_view name) noexcept;
// Appends `'text'`, doubling any `'` inside: output keys in JSON built by the database, which
// may come from a caller's projection, so no key can end the literal.
void append_string_literal(std::string& out, std::string_view text) noexcept;

}  // namespace sluice::sql
