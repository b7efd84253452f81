#pragma once
// The result decoder: a database response goes in as bytes, the API's JSON comes out as bytes
// (camelCase keys, ISO timestamps, booleans, nested relations), driven by the statement's
// plan. One forward pass with simdjson On Demand into one output buffer: no DOM, no JS objects.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/json_writer.h"
#include "core/result.h"
#include "decode/plan.h"

namespace sluice::decode {

enum class input_format : uint8_t {
  rows = 0,  // a JSON array of row arrays: D1's aggregated JSON cell, or JSON.stringify(raw())
  neon = 1,  // a Neon HTTP response body in array mode with raw text values
  // SQLite's final JSON of a plan with reals (a read's one text cell, or its rows' objects
  // joined into an array), written as JSON.stringify would (decode/final_json.h)
  final_json = 2,
};

// Decodes `padded_input` (followed by at least simdjson::SIMDJSON_PADDING readable bytes) into
// the plan's result: `[{...}]` for rows, `{...}` or `null` for first, a number for count,
// `null` for none. Errors: invalid_json (the input is not JSON), invalid_result (it does not
// fit the plan; the error's path names the row and field), invalid_value (unknown format).
[[nodiscard]] result<std::string> decode(const plan& p, input_format format,
                                         std::string_view padded_input) noexcept;

// The same, written into `out` (emptied first): a caller that keeps one writer reuses its
// buffer across calls and can hand its bytes on without another copy.
[[nodiscard]] status decode_into(const plan& p, input_format format, std::string_view padded_input,
                                 json_writer& out) noexcept;

// decode_into without the Neon fast scan: the general decoder alone, which every answer the
// scan accepts must decode to the same bytes (the scan's tests hold it to that).
[[nodiscard]] status decode_general_into(const plan& p, input_format format,
                                         std::string_view padded_input, json_writer& out) noexcept;

}  // namespace sluice::decode
