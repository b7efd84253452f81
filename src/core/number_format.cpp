#include "core/number_format.h"

#include <cmath>
#include <cstdlib>

#include "core/shortest_digits.h"

namespace sluice {

// ECMA-262 Number::toString: plain digits from 1e-6 up to 1e21, otherwise one digit, a point
// and the rest, then `e` and a signed exponent.
void append_js_number(std::string& out, double value) noexcept {
  if (!std::isfinite(value)) {
    out.append("null");
    return;
  }
  if (value == 0) {
    out.push_back('0');
    return;
  }
  if (value < 0) {
    out.push_back('-');
    value = -value;
  }
  const decimal_digits d = shortest_digits(value);
  const int k = d.count;
  const int n = d.point;
  if (k <= n && n <= 21) {
    out.append(d.digits, static_cast<size_t>(k));
    out.append(static_cast<size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out.append(d.digits, static_cast<size_t>(n));
    out.push_back('.');
    out.append(d.digits + n, static_cast<size_t>(k - n));
  } else if (-6 < n && n <= 0) {
    out.append("0.");
    out.append(static_cast<size_t>(-n), '0');
    out.append(d.digits, static_cast<size_t>(k));
  } else {
    out.push_back(d.digits[0]);
    if (k > 1) {
      out.push_back('.');
      out.append(d.digits + 1, static_cast<size_t>(k - 1));
    }
    out.push_back('e');
    out.push_back(n - 1 >= 0 ? '+' : '-');
    out.append(std::to_string(std::abs(n - 1)));
  }
}

}  // namespace sluice
