#include "validate/messages.h"

#include <iterator>

#include "core/number_format.h"

namespace sluice::validate {
namespace {

constexpr std::string_view message_table[] = {
    /* required */ "Required",
    /* invalid_type */ "Expected {}, received {}",
    /* invalid_enum_value */ "Invalid enum value. Expected {}, received '{}'",
    /* invalid_email */ "Invalid email",
    /* invalid_url */ "Invalid url",
    /* invalid_uuid */ "Invalid uuid",
    /* pattern_mismatch */ "Invalid",
    /* invalid_date */ "Invalid date",
    /* invalid_decimal */ "Invalid",
    /* string_too_short */ "String must contain at least {} character(s)",
    /* string_too_long */ "String must contain at most {} character(s)",
    /* string_wrong_length */ "String must contain exactly {} character(s)",
    /* number_too_small */ "Number must be greater than or equal to {}",
    /* number_not_greater */ "Number must be greater than {}",
    /* number_too_big */ "Number must be less than or equal to {}",
    /* number_not_less */ "Number must be less than {}",
    /* not_integer */ "Expected integer, received float",
    /* unrecognized_keys */ "Unrecognized key(s) in object: {}",
    /* not_object */ "Expected object, received {}",
    /* contains_nul */ "String must not contain U+0000 (NUL)",
    /* unpaired_surrogate */ "String must not contain an unpaired surrogate ({})",
};

static_assert(std::size(message_table) == static_cast<size_t>(issue_code::num_issue_codes),
              "one message per issue code");

}  // namespace

std::string issue_message(issue_code code, std::string_view first, std::string_view second) noexcept {
  const std::string_view templ = message_table[static_cast<size_t>(code)];
  std::string out;
  out.reserve(templ.size() + first.size() + second.size());
  const std::string_view args[] = {first, second};
  size_t next_arg = 0;
  size_t pos = 0;
  while (pos < templ.size()) {
    const size_t hole = templ.find("{}", pos);
    if (hole == std::string_view::npos || next_arg == std::size(args)) {
      out.append(templ.substr(pos));
      break;
    }
    out.append(templ.substr(pos, hole - pos));
    out.append(args[next_arg++]);
    pos = hole + 2;
  }
  return out;
}

std::string js_number_text(double value) noexcept {
  std::string out;
  append_js_number(out, value);
  return out;
}

std::string code_point_text(uint32_t code_point) noexcept {
  constexpr char hex_digits[] = "0123456789ABCDEF";
  std::string out = "U+0000";
  for (size_t i = out.size(); i > 2; --i, code_point >>= 4) out[i - 1] = hex_digits[code_point & 0xF];
  return out;
}

}  // namespace sluice::validate
