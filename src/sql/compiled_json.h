#pragma once
// The compiler's answer as it crosses to JS (docs/internals.md §2):
//   {"plan":3,"result":"rows","timestampKeys":["createdAt"],"respell":true?,"writes":true?,"statements":[{"sql":"...",
//    "params":[{"ref":0,"type":"integer"},{"value":"viewer","type":"text"}],"returns":"json"}]}
#include <cstdint>
#include <string>

#include "sql/compiled.h"

namespace sluice::sql {

[[nodiscard]] std::string_view param_type_name(param_type t) noexcept;
[[nodiscard]] std::string_view returns_name(returns_kind r) noexcept;

// `plan_id` names the decode plan the caller keeps for this result.
[[nodiscard]] std::string compiled_to_json(const compiled& c, uint32_t plan_id) noexcept;

}  // namespace sluice::sql
