#include "validate/check_column.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "decode/timestamp.h"
#include "validate/email.h"
#include "validate/string_checks.h"
#include "validate/unicode.h"
#include "validate/unstorable_text.h"
#include "validate/url.h"

namespace sluice::validate {
namespace {

namespace od = simdjson::ondemand;

// The type zod names in "Expected ..., received ...".
std::string_view expected_name(const column_rule& rule) noexcept {
  switch (rule.kind) {
    case value_kind::number: return "number";
    case value_kind::boolean: return "boolean";
    case value_kind::enumeration: return rule.enum_expected;
    case value_kind::numeric:
    case value_kind::string:
    case value_kind::timestamp:
    case value_kind::date:
    case value_kind::json: return "string";
  }
  return "string";
}

void check_number(const validator& v, int32_t column, double value, issue_list& issues) noexcept {
  for (const check& c : v.columns[static_cast<size_t>(column)].checks) {
    switch (c.kind) {
      case check_kind::integer:
        if (!std::isfinite(value) || std::trunc(value) != value) issues.add(column, issue_code::not_integer);
        break;
      case check_kind::gte:
        if (!(value >= c.bound)) issues.add(column, issue_code::number_too_small, js_number_text(c.bound));
        break;
      case check_kind::gt:
        if (!(value > c.bound)) issues.add(column, issue_code::number_not_greater, js_number_text(c.bound));
        break;
      case check_kind::lte:
        if (!(value <= c.bound)) issues.add(column, issue_code::number_too_big, js_number_text(c.bound));
        break;
      case check_kind::lt:
        if (!(value < c.bound)) issues.add(column, issue_code::number_not_less, js_number_text(c.bound));
        break;
      case check_kind::min_length:
      case check_kind::max_length:
      case check_kind::exact_length:
      case check_kind::email:
      case check_kind::url:
      case check_kind::uuid:
      case check_kind::pattern: break;
    }
  }
}

void check_string(const validator& v, int32_t column, std::string_view text, issue_list& issues) noexcept {
  const size_t length = utf16_length(text);
  for (const check& c : v.columns[static_cast<size_t>(column)].checks) {
    const auto n = static_cast<size_t>(c.bound);
    switch (c.kind) {
      case check_kind::min_length:
        if (length < n) issues.add(column, issue_code::string_too_short, std::to_string(n));
        break;
      case check_kind::max_length:
        if (length > n) issues.add(column, issue_code::string_too_long, std::to_string(n));
        break;
      case check_kind::exact_length:
        if (length != n) issues.add(column, issue_code::string_wrong_length, std::to_string(n));
        break;
      case check_kind::email:
        if (!is_email(text)) issues.add(column, issue_code::invalid_email);
        break;
      case check_kind::url:
        if (!is_url(text)) issues.add(column, issue_code::invalid_url);
        break;
      case check_kind::uuid:
        if (!is_uuid(text)) issues.add(column, issue_code::invalid_uuid);
        break;
      case check_kind::pattern:
        if (!v.patterns[c.pattern_index].test(text)) issues.add(column, issue_code::pattern_mismatch);
        break;
      case check_kind::integer:
      case check_kind::gt:
      case check_kind::gte:
      case check_kind::lt:
      case check_kind::lte: break;
    }
  }
}

// The text rule (unstorable_text.h) over a string's or a JSON value's text as sent. It goes
// before every other check, so no message echoes text that cannot be stored.
bool holds_unstorable_text(int32_t column, std::string_view json, issue_list& issues) noexcept {
  const auto found = first_unstorable_character(json);
  if (!found) return false;
  if (*found == 0) {
    issues.add(column, issue_code::contains_nul);
  } else {
    issues.add(column, issue_code::unpaired_surrogate, code_point_text(*found));
  }
  return true;
}

}  // namespace

void check_column(const validator& v, size_t index, slot& s, issue_list& issues) noexcept {
  const column_rule& rule = v.columns[index];
  const auto column = static_cast<int32_t>(index);
  if (!s.present) {
    if (rule.required) issues.add(column, issue_code::required);
    return;
  }
  // drizzle-zod's json schema admits null itself, whatever the column's nullability.
  if (rule.kind == value_kind::json) {
    static_cast<void>(holds_unstorable_text(column, s.body, issues));
    return;
  }
  if (s.type == od::json_type::null) {
    if (!rule.nullable) issues.add(column, issue_code::invalid_type, expected_name(rule), "null");
    return;
  }
  const bool is_string = s.type == od::json_type::string;
  const bool type_ok = rule.kind == value_kind::number    ? s.type == od::json_type::number
                       : rule.kind == value_kind::boolean ? s.type == od::json_type::boolean
                       : rule.kind == value_kind::numeric ? is_string || s.type == od::json_type::number
                                                          : is_string;
  if (!type_ok) {
    issues.add(column, issue_code::invalid_type, expected_name(rule), type_name(s.type));
    return;
  }
  if (is_string && holds_unstorable_text(column, s.body, issues)) return;
  switch (rule.kind) {
    case value_kind::number: check_number(v, column, s.number, issues); break;
    case value_kind::numeric:
      if (is_string && !is_decimal(s.text)) issues.add(column, issue_code::invalid_decimal);
      break;
    case value_kind::string: check_string(v, column, s.text, issues); break;
    case value_kind::timestamp: {
      const auto ms = decode::parse_timestamp(s.text, decode::offset_rule::required);
      if (ms) {
        s.epoch_ms = *ms;
      } else {
        issues.add(column, issue_code::invalid_date);
      }
      break;
    }
    case value_kind::date:
      if (!decode::parse_date(s.text)) issues.add(column, issue_code::invalid_date);
      break;
    case value_kind::enumeration:
      if (std::find(rule.enum_values.begin(), rule.enum_values.end(), s.text) == rule.enum_values.end())
        issues.add(column, issue_code::invalid_enum_value, rule.enum_expected, s.text);
      break;
    case value_kind::boolean:
    case value_kind::json: break;
  }
}

}  // namespace sluice::validate
