#pragma once
// Format checks on request strings that zod 3 (or Postgres, for numeric) defines by a pattern.
#include <string_view>

namespace sluice::validate {

// zod 3's uuid pattern: 8-4-4-4-12 hex digits, any version and variant.
[[nodiscard]] bool is_uuid(std::string_view text) noexcept;

// A decimal Postgres' numeric input accepts and JS would read back: an optional sign, digits
// with an optional fraction (at least one digit in all), an optional exponent.
[[nodiscard]] bool is_decimal(std::string_view text) noexcept;

}  // namespace sluice::validate
