#include "core/number_format.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace sluice {
namespace {

struct shortest_digits {
  char digits[20];
  int count = 0;
  int point = 0;  // the value is 0.digits * 10^point
};

// The shortest decimal digit string that reads back as the same double (ECMA-262 Number::toString).
shortest_digits shortest(double v) noexcept {
  char buf[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, v);
    if (std::strtod(buf, nullptr) == v || precision == 17) break;
  }
  shortest_digits out;
  const char* p = buf;
  for (; *p && *p != 'e'; ++p)
    if (*p >= '0' && *p <= '9') out.digits[out.count++] = *p;
  while (out.count > 1 && out.digits[out.count - 1] == '0') --out.count;
  out.point = std::atoi(p + 1) + 1;
  return out;
}

}  // namespace

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
  const shortest_digits d = shortest(value);
  const int k = d.count;
  const int n = d.point;
  if (k <= n && n <= 21) {
    out.append(d.digits, k);
    out.append(n - k, '0');
  } else if (0 < n && n <= 21) {
    out.append(d.digits, n);
    out.push_back('.');
    out.append(d.digits + n, k - n);
  } else if (-6 < n && n <= 0) {
    out.append("0.");
    out.append(-n, '0');
    out.append(d.digits, k);
  } else {
    out.push_back(d.digits[0]);
    if (k > 1) {
      out.push_back('.');
      out.append(d.digits + 1, k - 1);
    }
    out.push_back('e');
    out.push_back(n - 1 >= 0 ? '+' : '-');
    out.append(std::to_string(std::abs(n - 1)));
  }
}

}  // namespace sluice
