#pragma once
// How a column's values travel: the encoding a bound parameter needs, and the conversion the
// decoder applies to a result cell.
#include "decode/plan.h"
#include "schema/catalog.h"
#include "sql/compiled.h"

namespace sluice::sql {

[[nodiscard]] param_type param_type_of(const schema::column& c) noexcept;
[[nodiscard]] decode::value_type value_type_of(const schema::column& c) noexcept;
[[nodiscard]] decode::field scalar_field(std::string key, const schema::column& c) noexcept;
// A column the database fills when an insert leaves it out.
[[nodiscard]] bool has_database_default(const schema::column& c) noexcept;
[[nodiscard]] bool is_json(const schema::column& c) noexcept;

}  // namespace sluice::sql
