#pragma once
// Text as JS sees it: request strings are measured in UTF-16 code units (String.length), and
// the regex engine reads code points. Input is UTF-8 that simdjson validated, except that
// lone surrogates from `\uD800` escapes arrive in their three-byte (WTF-8) form.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sluice::validate {

// The code point starting at text[i], advancing i past it. A malformed byte reads as U+FFFD
// and advances by one, so a scan always ends.
[[nodiscard]] uint32_t decode_utf8(std::string_view text, size_t& i) noexcept;

// JS String.prototype.length: code points above U+FFFF count twice (a surrogate pair).
[[nodiscard]] size_t utf16_length(std::string_view text) noexcept;

// The value of a hex digit, or -1.
[[nodiscard]] constexpr int hex_value(uint32_t c) noexcept {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

}  // namespace sluice::validate
