#pragma once
// Finding the bytes a JSON string treats specially, eight at a time: strings are where
// decoding and writing spend their time, and nearly all of them contain none.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace sluice {

// Where the first `"`, `\` or control character (below 0x20) of `s` is, or s.size().
inline size_t first_json_special(std::string_view s) noexcept {
  constexpr uint64_t ones = 0x0101010101010101ULL;
  constexpr uint64_t highs = 0x8080808080808080ULL;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    const uint64_t quote = word ^ (ones * '"');
    const uint64_t backslash = word ^ (ones * '\\');
    // A byte is flagged when it is below 0x20 or zero after an xor; bytes >= 0x80 never are.
    if (((word - ones * 0x20) | (quote - ones) | (backslash - ones)) & ~word & highs) break;
  }
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == '"' || c == '\\') return i;
  }
  return s.size();
}

// The letter of the two-character escape JSON has for `c` (`n` for a newline, `"` for a quote),
// or 0 when it has none.
constexpr char short_escape(uint32_t c) noexcept {
  switch (c) {
    case '"': return '"';
    case '\\': return '\\';
    case '\n': return 'n';
    case '\r': return 'r';
    case '\t': return 't';
    case '\b': return 'b';
    case '\f': return 'f';
    default: return 0;
  }
}

}  // namespace sluice
