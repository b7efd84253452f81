#pragma once
// JSON string bodies (the bytes between a string token's quotes, escapes still in place),
// written back exactly as JSON.stringify(JSON.parse(token)) would: only `"`, `\`, control
// characters and lone surrogates escaped, everything else as UTF-8. Working on the raw body
// lets plain strings (the common case) be copied with one scan and no unescaping.
#include <string>
#include <string_view>

#include "core/json_writer.h"

namespace sluice::decode {

// The body of a string token as simdjson's raw_json_token() yields it: quotes and any
// trailing whitespace removed. The token must start with `"`.
[[nodiscard]] std::string_view string_token_body(std::string_view token) noexcept;

// A token with the whitespace that may follow it removed.
[[nodiscard]] std::string_view trim_token(std::string_view token) noexcept;

// True when `body` has no escapes and no control characters: its bytes are its content, and
// they are already written the way JSON.stringify writes them.
[[nodiscard]] bool is_plain(std::string_view body) noexcept;

// Appends the JS-canonical form of `body` to the string value the writer has begun.
// False when an escape is malformed.
[[nodiscard]] bool write_string_body(json_writer& w, std::string_view body) noexcept;

// Writes `body` as a complete string value. False when an escape is malformed.
[[nodiscard]] bool write_string(json_writer& w, std::string_view body) noexcept;

// Appends the content of `body` to `out`, escapes resolved. A lone surrogate is kept as its
// three-byte (WTF-8) form so that UTF-16 lengths stay right. False when an escape is malformed.
[[nodiscard]] bool unescape(std::string_view body, std::string& out) noexcept;

}  // namespace sluice::decode
