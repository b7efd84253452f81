#include "decode/json_number.h"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

#include "core/number_format.h"
#include "simdjson.h"

namespace sluice::decode {
namespace {

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

size_t skip_digits(std::string_view text, size_t i) noexcept {
  while (i < text.size() && is_digit(text[i])) ++i;
  return i;
}

bool is_integer_text(std::string_view text) noexcept {
  return text.find_first_of(".eE") == std::string_view::npos;
}

// The nearest double to a validated JSON number text in long double arithmetic, or nullopt
// when that cannot be sure of it; simdjson's exact parser (a big decimal, 2-40 us a number)
// is then the fallback. w * 10^q is computed from 10^(2^i) factors with a relative error
// below 18 long double rounding units, so unless the value lies that close to the midpoint
// between two doubles, rounding it gives the double nearest to the text.
std::optional<double> nearest_double_fast(std::string_view text) noexcept {
  size_t i = 0;
  const bool negative = text[i] == '-';
  if (negative) ++i;
  uint64_t w = 0;
  int digits = 0;
  int q = 0;
  bool in_fraction = false;
  for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
    if (text[i] == '.') {
      in_fraction = true;
      continue;
    }
    const int d = text[i] - '0';
    if (digits == 0 && d == 0) {
      if (in_fraction) --q;
      continue;
    }
    if (digits == 19) return std::nullopt;
    w = w * 10 + static_cast<uint64_t>(d);
    ++digits;
    if (in_fraction) --q;
  }
  if (i < text.size()) {
    ++i;
    const bool negative_exponent = text[i] == '-';
    if (text[i] == '-' || text[i] == '+') ++i;
    int e = 0;
    for (; i < text.size(); ++i) {
      if (e > 100000) return std::nullopt;
      e = e * 10 + (text[i] - '0');
    }
    q += negative_exponent ? -e : e;
  }
  if (w == 0) return negative ? -0.0 : 0.0;
  if (q < -360 || q > 320) return std::nullopt;
  static constexpr long double powers[] = {1e1L, 1e2L, 1e4L, 1e8L, 1e16L, 1e32L, 1e64L, 1e128L, 1e256L};
  long double v = static_cast<long double>(w);
  const unsigned magnitude = static_cast<unsigned>(q < 0 ? -q : q);
  for (unsigned bit = 0; bit < 9; ++bit) {
    if (!(magnitude & (1u << bit))) continue;
    v = q < 0 ? v / powers[bit] : v * powers[bit];
  }
  const double nearest = static_cast<double>(v);
  if (!(std::fabs(nearest) >= std::numeric_limits<double>::min()) || std::isinf(nearest)) return std::nullopt;
  const double neighbour =
      std::nextafter(nearest, static_cast<long double>(nearest) < v ? HUGE_VAL : -HUGE_VAL);
  const long double midpoint = (static_cast<long double>(nearest) + static_cast<long double>(neighbour)) / 2;
  const long double margin = 64 * std::numeric_limits<long double>::epsilon() * std::fabs(v);
  if (std::fabs(v - midpoint) <= margin) return std::nullopt;
  return negative ? -nearest : nearest;
}

}  // namespace

bool is_json_number(std::string_view text) noexcept {
  size_t i = 0;
  if (i < text.size() && text[i] == '-') ++i;
  if (i >= text.size()) return false;
  if (text[i] == '0') {
    ++i;
  } else if (is_digit(text[i])) {
    i = skip_digits(text, i);
  } else {
    return false;
  }
  if (i < text.size() && text[i] == '.') {
    const size_t start = ++i;
    i = skip_digits(text, i);
    if (i == start) return false;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    const size_t start = i;
    i = skip_digits(text, i);
    if (i == start) return false;
  }
  return i == text.size();
}

bool is_js_canonical(std::string_view text) noexcept {
  size_t i = 0;
  const bool negative = i < text.size() && text[i] == '-';
  if (negative) ++i;
  if (i >= text.size()) return false;
  size_t significant = 0;
  bool zero_integer = false;
  if (text[i] == '0') {
    zero_integer = true;
    ++i;
  } else if (is_digit(text[i])) {
    const size_t start = i;
    i = skip_digits(text, i);
    significant = i - start;
  } else {
    return false;
  }
  bool has_fraction = false;
  if (i < text.size() && text[i] == '.') {
    const size_t start = ++i;
    i = skip_digits(text, i);
    if (i == start || text[i - 1] == '0') return false;
    has_fraction = true;
    size_t leading_zeros = 0;
    if (zero_integer)
      while (text[start + leading_zeros] == '0') ++leading_zeros;
    if (leading_zeros >= 6) return false;
    significant += i - start - leading_zeros;
  }
  if (i != text.size() || significant > 15) return false;
  return !(negative && zero_integer && !has_fraction);
}

std::optional<double> parse_number(std::string_view text) noexcept {
  if (!is_json_number(text)) return std::nullopt;
  if (const auto fast = nearest_double_fast(text)) return fast;
  // simdjson's correctly rounded parser reads a validated JSON number in place.
  return simdjson::internal::from_chars(text.data(), text.data() + text.size());
}

[[gnu::flatten]] bool write_number(json_writer& w, std::string_view text) noexcept {
  if (is_js_canonical(text)) {
    w.raw(text);
    return true;
  }
  const auto value = parse_number(text);
  if (!value) return false;
  w.number(*value);
  return true;
}

bool write_number_as_string(json_writer& w, std::string_view text) noexcept {
  if (is_js_canonical(text)) {
    w.begin_string();
    w.raw_body(text);
    w.end_string();
    return true;
  }
  const auto value = parse_number(text);
  if (!value) return false;
  if (!std::isfinite(*value)) {
    w.string(*value > 0 ? "Infinity" : "-Infinity");
    return true;
  }
  std::string spelled;
  append_js_number(spelled, *value);
  w.string(spelled);
  return true;
}

bool write_bigint(json_writer& w, std::string_view text) noexcept {
  if (!is_json_number(text)) return false;
  if (is_integer_text(text)) {
    const std::string_view digits = text.front() == '-' ? text.substr(1) : text;
    bool safe = digits.size() <= 15;
    if (!safe && digits.size() == 16) {
      uint64_t magnitude = 0;
      for (const char c : digits) magnitude = magnitude * 10 + static_cast<uint64_t>(c - '0');
      safe = magnitude <= static_cast<uint64_t>(max_safe_integer);
    }
    if (!safe) {
      w.string(text);
      return true;
    }
    return write_number(w, text);
  }
  const auto value = parse_number(text);
  if (!value) return false;
  if (std::fabs(*value) <= static_cast<double>(max_safe_integer)) {
    w.number(*value);
    return true;
  }
  return write_number_as_string(w, text);
}

}  // namespace sluice::decode
