#pragma once
// The digits ECMA-262 Number::toString prints for a double: the fewest significant digits
// that read back as the same double (round half to even on reading), and among those the
// closest to its exact value (a tie goes to the even digit).
#include <cstdint>

namespace sluice {

struct decimal_digits {
  char digits[17];  // '1'-'9' first; no trailing zeros
  int count = 0;
  int point = 0;  // the value is 0.digits * 10^point
};

// `value` must be finite and greater than zero.
[[nodiscard]] decimal_digits shortest_digits(double value) noexcept;

}  // namespace sluice
