#pragma once
// Copies a JSON value compactly, writing exactly what JSON.stringify(JSON.parse(text)) would:
// whitespace dropped, strings re-escaped the JS way, numbers re-spelled as JS prints them.
// Every byte is validated on the way, so a copy also proves the text is JSON.
#include "core/json_writer.h"
#include "core/result.h"
#include "simdjson.h"

namespace sluice::decode {

// Errors: invalid_json.
[[nodiscard]] status copy_json(simdjson::ondemand::value value, json_writer& w) noexcept;

// A whole document, which may be a bare scalar; fails unless the document ends after it.
// Errors: invalid_json.
[[nodiscard]] status copy_json(simdjson::ondemand::document& doc, json_writer& w) noexcept;

// Maps a simdjson failure met while reading a document to invalid_json.
[[nodiscard]] error json_error(simdjson::error_code code) noexcept;

}  // namespace sluice::decode
