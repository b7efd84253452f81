#pragma once
// SQLite builds a read's final JSON itself (docs/internals.md §2), except for reals: its own
// text conversions are not exact (printf's 17 digits are off by an ulp for about a third of
// the doubles beyond 1e±90), so a real cell arrives as 17 digits when SQLite prints it
// exactly, or as [digits, n] meaning digits * 2^(256 n) otherwise. This walks such a text
// with the statement's plan and writes what JSON.stringify would: every real as the
// shortest digits JS prints, every other value copied in JS's spelling.
#include <string_view>

#include "core/json_writer.h"
#include "core/result.h"
#include "decode/context.h"
#include "decode/plan.h"

namespace sluice::decode {

// `padded_json` is followed by at least simdjson::SIMDJSON_PADDING readable bytes.
// Errors: invalid_json, invalid_result (the text does not fit the plan).
[[nodiscard]] status write_final_json(const plan& p, std::string_view padded_json,
                                      decode_context& ctx, json_writer& out) noexcept;

}  // namespace sluice::decode
