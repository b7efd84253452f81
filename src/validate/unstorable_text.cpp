#include "validate/unstorable_text.h"

#include "validate/unicode.h"

namespace sluice::validate {
namespace {

constexpr size_t escape_length = 6;  // \uXXXX

bool is_high_surrogate(uint32_t unit) noexcept { return unit >= 0xD800 && unit <= 0xDBFF; }
bool is_low_surrogate(uint32_t unit) noexcept { return unit >= 0xDC00 && unit <= 0xDFFF; }

// The UTF-16 unit of the `\uXXXX` escape at json[pos] (its backslash), or nothing.
std::optional<uint32_t> u_escape_at(std::string_view json, size_t pos) noexcept {
  if (json.size() - pos < escape_length || json[pos] != '\\' || json[pos + 1] != 'u') return std::nullopt;
  uint32_t unit = 0;
  for (size_t i = pos + 2; i < pos + escape_length; ++i) {
    const int digit = hex_value(static_cast<unsigned char>(json[i]));
    if (digit < 0) return std::nullopt;
    unit = unit * 16 + static_cast<uint32_t>(digit);
  }
  return unit;
}

}  // namespace

std::optional<uint32_t> first_unstorable_character(std::string_view json) noexcept {
  for (size_t i = json.find('\\'); i != std::string_view::npos; i = json.find('\\', i)) {
    const auto unit = u_escape_at(json, i);
    if (!unit) {
      i += 2;  // a two-character escape: \" \\ \/ \b \f \n \r \t
      continue;
    }
    i += escape_length;
    if (*unit == 0 || is_low_surrogate(*unit)) return *unit;
    if (!is_high_surrogate(*unit)) continue;
    const auto next = u_escape_at(json, i);
    if (!next || !is_low_surrogate(*next)) return *unit;
    i += escape_length;
  }
  return std::nullopt;
}

}  // namespace sluice::validate
