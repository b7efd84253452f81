#pragma once
// A JSON parameter -> the Postgres text the server parses it from (wire-protocols A4).
// Parameters are bound as text with no type OIDs, so this text is all Postgres sees.
#include <optional>
#include <string>
#include <string_view>

#include "simdjson.h"

namespace sluice::gateway {

// null -> SQL NULL; a string as it is; a boolean or number as its JSON text (numbers keep
// the exact digits sent); an object as its JSON text; an array as an array literal whose
// elements are quoted with Postgres' array rules (Neon's proxy JSON-escapes them instead,
// which turns a newline into `n` inside Postgres' parser; this keeps it a newline).
// False, with `error` set, on malformed JSON.
[[nodiscard]] bool param_to_text(simdjson::ondemand::value value, std::optional<std::string>& out,
                                 std::string& error) noexcept;

// JSON's number grammar, which simdjson's on-demand API does not check for a token that is
// only copied.
[[nodiscard]] bool is_json_number(std::string_view token) noexcept;

// Appends `s` as a double-quoted array element.
void append_array_element(std::string& out, std::string_view s) noexcept;

}  // namespace sluice::gateway
