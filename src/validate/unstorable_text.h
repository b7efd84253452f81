#pragma once
// Text neither database can store as sent, refused before anything is sent so that both
// backends answer alike: U+0000 (Postgres' text and jsonb refuse it, D1 would keep it) and an
// unpaired UTF-16 surrogate (not Unicode at all: Postgres refuses it, D1 would store bytes that
// read back as U+FFFD). JSON text only carries either as a `\u` escape (raw bytes are UTF-8
// that simdjson validated, and a raw control character is malformed JSON), so the rule reads
// escapes and never resolved strings.
#include <cstdint>
#include <optional>
#include <string_view>

namespace sluice::validate {

// The first U+0000 or unpaired surrogate that an escape in `json` encodes, or nothing. `json`
// is JSON text already read without error: a string's body or a whole value, keys included;
// backslashes only occur inside strings there, so no tracking of strings is needed.
[[nodiscard]] std::optional<uint32_t> first_unstorable_character(std::string_view json) noexcept;

}  // namespace sluice::validate
