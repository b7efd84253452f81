#include "validate/unicode.h"

namespace sluice::validate {

uint32_t decode_utf8(std::string_view text, size_t& i) noexcept {
  constexpr uint32_t replacement = 0xFFFD;
  const auto lead = static_cast<unsigned char>(text[i]);
  size_t length = 1;
  uint32_t cp = lead;
  if (lead >= 0xF0 && lead < 0xF8) {
    length = 4;
    cp = lead & 0x07;
  } else if (lead >= 0xE0) {
    length = 3;
    cp = lead & 0x0F;
  } else if (lead >= 0xC0) {
    length = 2;
    cp = lead & 0x1F;
  } else if (lead >= 0x80) {
    ++i;
    return replacement;
  }
  if (lead >= 0xF8 || text.size() - i < length) {
    ++i;
    return replacement;
  }
  for (size_t k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(text[i + k]);
    if ((next & 0xC0) != 0x80) {
      ++i;
      return replacement;
    }
    cp = (cp << 6) | (next & 0x3F);
  }
  i += length;
  return cp;
}

size_t utf16_length(std::string_view text) noexcept {
  // Every byte that starts a character counts once; four-byte characters count twice.
  size_t units = 0;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte & 0xC0) != 0x80) ++units;
    if (byte >= 0xF0) ++units;
  }
  return units;
}

}  // namespace sluice::validate
