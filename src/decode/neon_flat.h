#pragma once
// The common Neon answer read without a general JSON parser: a select of plain columns
// (no groups, relations or json cells) in array mode with raw text, where every cell is a
// string or null. One forward scan finds `rows` and converts each cell as it passes.
#include <string_view>

#include "core/json_writer.h"
#include "decode/context.h"
#include "decode/plan.h"

namespace sluice::decode {

// Writes the result of `p` for the Neon answer `input` and returns true; or returns false,
// perhaps after writing part of it, when the plan or the answer is not one it reads (any
// malformed or unexpected input included): the general decoder then starts over and names
// any error.
[[nodiscard]] bool decode_neon_flat(const plan& p, std::string_view input, decode_context& ctx,
                                    json_writer& w) noexcept;

}  // namespace sluice::decode
