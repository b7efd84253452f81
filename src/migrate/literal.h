#pragma once
// The one place SQL string literals are written. Queries never contain literals (values are
// bound); DDL has no parameters, so defaults, enum values and enum checks are spelled here.
#include <string>
#include <string_view>

namespace sluice::migrate {

// Appends `'value'`, doubling every `'` (standard SQL; both dialects read it the same way
// with Postgres' standard_conforming_strings on, its default since 9.1).
void append_string_literal(std::string& out, std::string_view value) noexcept;

}  // namespace sluice::migrate
