#include "decode/json_string.h"

#include <cstdint>

#include "core/json_scan.h"

namespace sluice::decode {
namespace {

constexpr char hex_digits[] = "0123456789abcdef";

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads the four hex digits of a `\uXXXX` escape starting at body[pos] (the `\`).
bool read_u_escape(std::string_view body, size_t pos, uint32_t& unit) noexcept {
  if (body.size() - pos < 6 || body[pos + 1] != 'u') return false;
  unit = 0;
  for (size_t i = pos + 2; i < pos + 6; ++i) {
    const int v = hex_value(body[i]);
    if (v < 0) return false;
    unit = unit * 16 + static_cast<uint32_t>(v);
  }
  return true;
}

size_t encode_utf8(uint32_t cp, char* out) noexcept {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

bool is_high_surrogate(uint32_t u) noexcept { return u >= 0xD800 && u <= 0xDBFF; }
bool is_low_surrogate(uint32_t u) noexcept { return u >= 0xDC00 && u <= 0xDFFF; }

// One decoded unit of a string body: a code point, or a lone surrogate.
struct decoded {
  uint32_t cp = 0;
  bool lone_surrogate = false;
  size_t length = 0;  // bytes of body consumed
};

// Decodes the escape at body[pos] (a `\`). length 0 means malformed.
decoded decode_escape(std::string_view body, size_t pos) noexcept {
  if (pos + 1 >= body.size()) return {};
  switch (body[pos + 1]) {
    case '"': return {'"', false, 2};
    case '\\': return {'\\', false, 2};
    case '/': return {'/', false, 2};
    case 'b': return {'\b', false, 2};
    case 'f': return {'\f', false, 2};
    case 'n': return {'\n', false, 2};
    case 'r': return {'\r', false, 2};
    case 't': return {'\t', false, 2};
    case 'u': break;
    default: return {};
  }
  uint32_t unit = 0;
  if (!read_u_escape(body, pos, unit)) return {};
  if (is_high_surrogate(unit)) {
    uint32_t low = 0;
    if (pos + 6 < body.size() && body[pos + 6] == '\\' && read_u_escape(body, pos + 6, low) &&
        is_low_surrogate(low))
      return {0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), false, 12};
    return {unit, true, 6};
  }
  return {unit, is_low_surrogate(unit), 6};
}

// Writes the escape JSON.stringify uses for a control character, `"`, `\` or a lone
// surrogate into `out` (at least 6 bytes). Returns the length.
size_t escape_char(uint32_t c, char* out) noexcept {
  out[0] = '\\';
  if (const char letter = short_escape(c)) {
    out[1] = letter;
    return 2;
  }
  out[1] = 'u';
  for (int i = 0; i < 4; ++i) out[2 + i] = hex_digits[(c >> (12 - 4 * i)) & 0xF];
  return 6;
}

bool needs_attention(unsigned char c) noexcept { return c == '\\' || c < 0x20; }

}  // namespace

std::string_view trim_token(std::string_view token) noexcept {
  while (!token.empty()) {
    const char c = token.back();
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
    token.remove_suffix(1);
  }
  return token;
}

std::string_view string_token_body(std::string_view token) noexcept {
  token = trim_token(token);
  if (token.size() < 2) return {};
  return token.substr(1, token.size() - 2);
}

bool is_plain(std::string_view body) noexcept { return first_json_special(body) == body.size(); }

[[gnu::flatten]] bool write_string_body(json_writer& w, std::string_view body) noexcept {
  size_t run_start = 0;
  size_t i = first_json_special(body);
  while (i < body.size()) {
    const auto c = static_cast<unsigned char>(body[i]);
    if (!needs_attention(c)) {
      ++i;
      continue;
    }
    w.raw_body(body.substr(run_start, i - run_start));
    char piece[6];
    size_t length = 0;
    if (c < 0x20) {
      length = escape_char(c, piece);
      ++i;
    } else {
      const decoded d = decode_escape(body, i);
      if (d.length == 0) return false;
      length = (d.lone_surrogate || d.cp < 0x20 || d.cp == '"' || d.cp == '\\')
                   ? escape_char(d.cp, piece)
                   : encode_utf8(d.cp, piece);
      i += d.length;
    }
    w.raw_body(std::string_view(piece, length));
    run_start = i;
  }
  w.raw_body(body.substr(run_start));
  return true;
}

bool write_string(json_writer& w, std::string_view body) noexcept {
  w.begin_string();
  const bool ok = write_string_body(w, body);
  w.end_string();
  return ok;
}

bool unescape(std::string_view body, std::string& out) noexcept {
  size_t run_start = 0;
  size_t i = 0;
  while (i < body.size()) {
    if (body[i] != '\\') {
      ++i;
      continue;
    }
    out.append(body.data() + run_start, i - run_start);
    const decoded d = decode_escape(body, i);
    if (d.length == 0) return false;
    char utf8[4];
    out.append(utf8, encode_utf8(d.cp, utf8));
    i += d.length;
    run_start = i;
  }
  out.append(body.data() + run_start, body.size() - run_start);
  return true;
}

}  // namespace sluice::decode
