#pragma once
// Number texts (JSON number tokens, or Postgres text inside a string) written the way
// JSON.stringify(Number(text)) writes them. Most texts already are in that form and are
// copied; only the rest is parsed and re-formatted.
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/json_writer.h"

namespace sluice::decode {

// 2^53 - 1: the largest integer a JS number holds exactly.
inline constexpr int64_t max_safe_integer = 9'007'199'254'740'991;

// The JSON number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
[[nodiscard]] bool is_json_number(std::string_view text) noexcept;

// The run of characters a number can hold (digits, `+-.eE`) at the start of `text`: a number
// token ends at the first other character, so this run is the token when is_json_number says so.
// Inline: the Neon flat scan walks every number of an answer's field list through it.
[[nodiscard]] inline std::string_view number_run(std::string_view text) noexcept {
  size_t i = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if ((c < '0' || c > '9') && c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E') break;
  }
  return text.substr(0, i);
}

// True when `text` is a JSON number already spelled as JS prints it, so it can be copied:
// at most 15 significant digits (so no shorter spelling reads back as the same double), no
// exponent, no trailing fraction zeros, no negative zero, and not below 1e-6.
[[nodiscard]] bool is_js_canonical(std::string_view text) noexcept;

// The double nearest to a JSON number text; nullopt when `text` is not one.
[[nodiscard]] std::optional<double> parse_number(std::string_view text) noexcept;

// Writes a JSON number text as a number value, as JS prints it (non-finite values as null,
// as JSON.stringify does). False when `text` is not a JSON number.
[[nodiscard]] bool write_number(json_writer& w, std::string_view text) noexcept;

// Writes the number as a string value holding its JS spelling (String(Number(text))).
[[nodiscard]] bool write_number_as_string(json_writer& w, std::string_view text) noexcept;

// bigint columns: a number value while the integer is safe, otherwise a string holding its
// digits, so that nothing is silently rounded.
[[nodiscard]] bool write_bigint(json_writer& w, std::string_view text) noexcept;

}  // namespace sluice::decode
