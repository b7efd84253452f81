#include "core/number_format.h"

#include <cmath>
#include <cstdlib>

#include "simdjson.h"

namespace sluice {
namespace {

struct shortest_digits {
  char digits[20];
  int count = 0;
  int point = 0;  // the value is 0.digits * 10^point
};

// The shortest decimal digits of v (ECMA-262 Number::toString needs them), read back from
// simdjson's Grisu2 formatter so the module needs neither printf nor strtod.
shortest_digits shortest(double v) noexcept {
  char buf[40];
  const char* end = simdjson::internal::to_chars(buf, buf + sizeof buf, v);
  shortest_digits out;
  int point = 0;
  bool seen_point = false;
  const char* p = buf;
  for (; p < end && *p != 'e' && *p != 'E'; ++p) {
    if (*p == '.') {
      seen_point = true;
    } else if (*p >= '0' && *p <= '9') {
      if (out.count == 0 && *p == '0') {
        if (seen_point) --point;
        continue;
      }
      out.digits[out.count++] = *p;
      if (!seen_point) ++point;
    }
  }
  int exponent = 0;
  if (p < end) {
    ++p;
    const bool negative = *p == '-';
    if (*p == '-' || *p == '+') ++p;
    for (; p < end; ++p) exponent = exponent * 10 + (*p - '0');
    if (negative) exponent = -exponent;
  }
  while (out.count > 1 && out.digits[out.count - 1] == '0') --out.count;
  out.point = point + exponent;
  return out;
}

// Reads `d` back as a double: 0.digits * 10^point.
double read_back(const shortest_digits& d) noexcept {
  char text[48];
  int n = 0;
  text[n++] = '0';
  text[n++] = '.';
  for (int i = 0; i < d.count; ++i) text[n++] = d.digits[i];
  text[n++] = 'e';
  int e = d.point;
  if (e < 0) {
    text[n++] = '-';
    e = -e;
  }
  char rev[8];
  int r = 0;
  do {
    rev[r++] = static_cast<char>('0' + e % 10);
    e /= 10;
  } while (e > 0);
  while (r > 0) text[n++] = rev[--r];
  return simdjson::internal::from_chars(text, text + n);
}

// `d` rounded half-up to `keep` digits.
shortest_digits rounded(const shortest_digits& d, int keep) noexcept {
  shortest_digits out = d;
  out.count = keep;
  if (d.digits[keep] >= '5') {
    int i = keep - 1;
    while (i >= 0 && out.digits[i] == '9') out.digits[i--] = '0';
    if (i >= 0) {
      ++out.digits[i];
    } else {
      out.digits[0] = '1';
      out.count = 1;
      ++out.point;
    }
  }
  while (out.count > 1 && out.digits[out.count - 1] == '0') --out.count;
  return out;
}

// Grisu2 round-trips but is not always shortest; JavaScript prints the shortest digits
// that read back as the same double, so try fewer digits first.
shortest_digits shortest_round_trip(double v) noexcept {
  const shortest_digits candidate = shortest(v);
  for (int keep = 1; keep < candidate.count; ++keep) {
    const shortest_digits shorter = rounded(candidate, keep);
    if (read_back(shorter) == v) return shorter;
  }
  return candidate;
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
  const shortest_digits d = shortest_round_trip(value);
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
