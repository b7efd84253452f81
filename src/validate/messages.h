#pragma once
// The issue codes validation reports and the one table of messages for them. The wording is
// zod 3's (the messages drizzle-zod 0.7 users see), so existing clients and tests keep working;
// the codes are ours and stable.
#include <cstdint>
#include <string>
#include <string_view>

namespace sluice::validate {

enum class issue_code : uint8_t {
  required,               // a required key is missing
  invalid_type,           // {expected} {received}
  invalid_enum_value,     // {options} {received}
  invalid_email,
  invalid_url,
  invalid_uuid,
  pattern_mismatch,       // a regex refinement
  invalid_date,
  invalid_decimal,        // a numeric column's string
  string_too_short,       // {minimum}
  string_too_long,        // {maximum}
  string_wrong_length,    // {length}
  number_too_small,       // {minimum}, inclusive
  number_not_greater,     // {minimum}, exclusive
  number_too_big,         // {maximum}, inclusive
  number_not_less,        // {maximum}, exclusive
  not_integer,
  unrecognized_keys,      // {keys}
  not_object,             // {received}: the body itself
  contains_nul,           // U+0000 in a string (unstorable_text.h)
  unpaired_surrogate,     // {code point}: a lone \uD800-\uDFFF escape (unstorable_text.h)
  num_issue_codes
};

// The message for `code`, its `{}` placeholders filled with `first` and `second` in order.
[[nodiscard]] std::string issue_message(issue_code code, std::string_view first = {},
                                        std::string_view second = {}) noexcept;

// A bound as JS prints it in a template literal (`${n}`).
[[nodiscard]] std::string js_number_text(double value) noexcept;

// A code point of the Basic Multilingual Plane as Unicode names it: U+D800.
[[nodiscard]] std::string code_point_text(uint32_t code_point) noexcept;

}  // namespace sluice::validate
