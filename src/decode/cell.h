#pragma once
// One scalar cell converted by its plan type, whatever JSON token carries it: D1 sends typed
// JSON (numbers, 0/1, epoch milliseconds), Neon sends every value as a string of Postgres
// text, and JSON built inside either database mixes the two.
#include <cstddef>
#include <string_view>

#include "core/json_writer.h"
#include "core/result.h"
#include "decode/context.h"
#include "decode/plan.h"
#include "simdjson.h"

namespace sluice::decode {

// Writes `cell` as the next value. `depth` is how many strings holding JSON enclose it.
// On failure returns false with the error in `ctx`: invalid_result (the token cannot be that
// type), invalid_json.
[[nodiscard]] bool write_cell(simdjson::ondemand::value cell, value_type type, decode_context& ctx,
                              size_t depth, json_writer& w) noexcept;

// Writes a cell that came as a string (Postgres text, or text stored in SQLite) as a `type`
// that is neither text, numeric nor json: `content` is the string's content, `token` the
// string token, named in the error when the content is not such a value.
[[nodiscard]] bool write_text_cell(std::string_view token, std::string_view content, value_type type,
                                   decode_context& ctx, json_writer& w) noexcept;

// Writes a Date's JSON form of epoch milliseconds, or null outside a Date's range.
void write_timestamp(json_writer& w, int64_t epoch_ms) noexcept;

}  // namespace sluice::decode
