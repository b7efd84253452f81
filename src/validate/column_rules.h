#pragma once
// The rule drizzle-zod 0.7 derives from a column before refinements: the zod type, its
// built-in checks (int32 range for integer and serial, safe-integer range for bigint,
// varchar's max length, uuid's format) and, by mode, whether the key is required.
#include <cstdint>

#include "core/result.h"
#include "schema/catalog.h"
#include "validate/rules.h"

namespace sluice::validate {

enum class validation_mode : uint8_t {
  insert,  // required iff notNull without a default
  update,  // every key optional
};

// Errors: unknown_enum (the column's enum is not in the catalog).
[[nodiscard]] result<column_rule> base_rule(const schema::catalog& catalog,
                                            const schema::column& column,
                                            validation_mode mode) noexcept;

}  // namespace sluice::validate
