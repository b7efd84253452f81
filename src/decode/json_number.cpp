#include "decode/json_number.h"

#include <cmath>
#include <cstdlib>
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
