#include "validate/url.h"

#include <cstdint>
#include <string>

#include "validate/unicode.h"

namespace sluice::validate {
namespace {

bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

bool is_special(std::string_view scheme) noexcept {
  return scheme == "http" || scheme == "https" || scheme == "ws" || scheme == "wss" || scheme == "ftp";
}

// WHATWG forbidden host code points; domains also forbid C0 controls, `%` and DEL.
bool is_forbidden_host_char(char c, bool domain) noexcept {
  switch (c) {
    case '\0': case '\t': case '\n': case '\r': case ' ': case '#': case '/': case ':': case '<':
    case '>': case '?': case '@': case '[': case '\\': case ']': case '^': case '|':
      return true;
    default: break;
  }
  return domain && (static_cast<unsigned char>(c) < 0x20 || c == '%' || c == 0x7F);
}

std::string percent_decode(std::string_view text) noexcept {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() &&
        hex_value(static_cast<unsigned char>(text[i + 1])) >= 0 &&
        hex_value(static_cast<unsigned char>(text[i + 2])) >= 0) {
      out.push_back(static_cast<char>(hex_value(static_cast<unsigned char>(text[i + 1])) * 16 +
                                      hex_value(static_cast<unsigned char>(text[i + 2]))));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

// One IPv4 part: decimal, 0x hex or leading-0 octal, as the URL parser reads it.
bool ipv4_number(std::string_view part, uint64_t& value) noexcept {
  if (part.empty()) return false;
  int radix = 10;
  if (part.size() >= 2 && part[0] == '0' && (part[1] == 'x' || part[1] == 'X')) {
    radix = 16;
    part.remove_prefix(2);
  } else if (part.size() >= 2 && part[0] == '0') {
    radix = 8;
    part.remove_prefix(1);
  }
  value = 0;
  for (const char c : part) {
    const int digit = hex_value(static_cast<unsigned char>(c));
    if (digit < 0 || digit >= radix) return false;
    value = value * static_cast<uint64_t>(radix) + static_cast<uint64_t>(digit);
    if (value > UINT32_MAX) value = UINT64_C(1) << 40;  // saturate: already too big
  }
  return true;
}

// "Ends in a number": the last label (ignoring one trailing dot) is numeric, so the host must
// be a valid IPv4 address.
bool ends_in_number(std::string_view host) noexcept {
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);
  const size_t dot = host.rfind('.');
  const std::string_view last = dot == std::string_view::npos ? host : host.substr(dot + 1);
  if (last.empty()) return false;
  bool all_digits = true;
  for (const char c : last) all_digits = all_digits && is_digit(c);
  uint64_t ignored = 0;
  return all_digits || (last.size() >= 2 && last[0] == '0' && (last[1] | 0x20) == 'x' && ipv4_number(last, ignored));
}

bool is_ipv4(std::string_view host) noexcept {
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);
  uint64_t parts[4];
  size_t count = 0;
  size_t start = 0;
  while (true) {
    const size_t dot = host.find('.', start);
    if (count == 4) return false;
    if (!ipv4_number(host.substr(start, dot - start), parts[count++])) return false;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  for (size_t i = 0; i + 1 < count; ++i)
    if (parts[i] > 255) return false;
  return parts[count - 1] < (UINT64_C(1) << (8 * (5 - count)));
}

// The IPv4 tail of an IPv6 address is strict: four decimal parts, no leading zeros.
bool is_dotted_quad(std::string_view text) noexcept {
  size_t parts = 0;
  size_t start = 0;
  while (true) {
    const size_t dot = text.find('.', start);
    const std::string_view part = text.substr(start, dot - start);
    if (part.empty() || part.size() > 3 || (part.size() > 1 && part[0] == '0')) return false;
    uint32_t value = 0;
    for (const char c : part) {
      if (!is_digit(c)) return false;
      value = value * 10 + static_cast<uint32_t>(c - '0');
    }
    if (value > 255) return false;
    ++parts;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return parts == 4;
}

bool is_ipv6(std::string_view text) noexcept {
  size_t groups = 0;
  bool compressed = false;
  size_t i = 0;
  if (text.substr(0, 2) == "::") {
    compressed = true;
    i = 2;
  } else if (text.empty() || text[0] == ':') {
    return false;
  }
  while (i < text.size()) {
    const size_t start = i;
    while (i < text.size() && hex_value(static_cast<unsigned char>(text[i])) >= 0) ++i;
    if (i < text.size() && text[i] == '.') {
      if (!is_dotted_quad(text.substr(start))) return false;
      groups += 2;
      break;
    }
    if (i == start || i - start > 4) return false;
    ++groups;
    if (i == text.size()) break;
    if (text[i++] != ':' || i == text.size()) return false;
    if (text[i] == ':') {
      if (compressed) return false;
      compressed = true;
      ++i;
    }
  }
  return compressed ? groups <= 7 : groups == 8;
}

bool is_port(std::string_view port) noexcept {
  uint32_t value = 0;
  for (const char c : port) {
    if (!is_digit(c)) return false;
    value = value * 10 + static_cast<uint32_t>(c - '0');
    if (value > 65535) return false;
  }
  return true;
}

// The authority after `//`: userinfo, host and port. `special` hosts are domains or IP addresses;
// other schemes have opaque hosts, which may be empty.
bool is_authority(std::string_view authority, bool special) noexcept {
  const size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    authority.remove_prefix(at + 1);
    if (authority.empty()) return false;
  }
  std::string_view host = authority;
  std::string_view port;
  if (!host.empty() && host.front() == '[') {
    const size_t close = host.find(']');
    if (close == std::string_view::npos || !is_ipv6(host.substr(1, close - 1))) return false;
    const std::string_view rest = host.substr(close + 1);
    if (!rest.empty() && rest.front() != ':') return false;
    port = rest.empty() ? rest : rest.substr(1);
    host = host.substr(0, close + 1);
  } else if (const size_t colon = host.find(':'); colon != std::string_view::npos) {
    port = host.substr(colon + 1);
    host = host.substr(0, colon);
  }
  if (!is_port(port)) return false;
  if (host.empty()) return !special;
  if (host.front() == '[') return true;
  if (!special) {
    for (const char c : host)
      if (is_forbidden_host_char(c, false)) return false;
    return true;
  }
  const std::string decoded = percent_decode(host);
  for (const char c : decoded)
    if (is_forbidden_host_char(c, true)) return false;
  return !ends_in_number(decoded) || is_ipv4(decoded);
}

std::string_view strip_c0_and_space(std::string_view text) noexcept {
  while (!text.empty() && static_cast<unsigned char>(text.front()) <= 0x20) text.remove_prefix(1);
  while (!text.empty() && static_cast<unsigned char>(text.back()) <= 0x20) text.remove_suffix(1);
  return text;
}

}  // namespace

bool is_url(std::string_view input) noexcept {
  // The parser drops tabs and newlines anywhere before reading.
  std::string text;
  for (const char c : strip_c0_and_space(input))
    if (c != '\t' && c != '\n' && c != '\r') text.push_back(c);
  if (text.empty() || !is_alpha(text[0])) return false;
  size_t colon = 1;
  while (colon < text.size() && (is_alpha(text[colon]) || is_digit(text[colon]) || text[colon] == '+' ||
                                 text[colon] == '-' || text[colon] == '.'))
    ++colon;
  if (colon >= text.size() || text[colon] != ':') return false;
  std::string scheme = text.substr(0, colon);
  for (char& c : scheme) c = static_cast<char>(c | 0x20);
  std::string_view rest = std::string_view(text).substr(colon + 1);
  const bool special = is_special(scheme);
  const bool file = scheme == "file";
  if (special) {
    while (!rest.empty() && (rest.front() == '/' || rest.front() == '\\')) rest.remove_prefix(1);
  } else if (rest.substr(0, 2) == "//" || (file && rest.substr(0, 2) == "\\\\")) {
    rest.remove_prefix(2);
  } else {
    return true;  // an opaque path (mailto:, data:, file:/x ...) cannot fail
  }
  const size_t end = rest.find_first_of(special || file ? "/\\?#" : "/?#");
  const std::string_view authority = rest.substr(0, end);
  if (file) {
    if (authority.empty()) return true;
    const std::string decoded = percent_decode(authority);
    for (const char c : decoded)
      if (is_forbidden_host_char(c, true)) return false;
    return true;
  }
  return is_authority(authority, special);
}

}  // namespace sluice::validate
