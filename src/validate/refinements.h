#pragma once
// Refinements from a validator spec: `{"check":"min","value":1}`, `{"check":"regex",
// "pattern":"^[a-z]+$","flags":"i"}`. Each is checked against the column's type when the
// validator is loaded, so a refinement that zod would not offer (min on a boolean) fails
// there instead of being ignored on every request.
#include <string_view>
#include <vector>

#include "core/dom.h"
#include "core/result.h"
#include "validate/regex.h"
#include "validate/rules.h"

namespace sluice::validate {

// Appends the check `spec` describes to `rule`; a regex is compiled into `patterns`.
// Errors: invalid_document.
[[nodiscard]] status add_refinement(column_rule& rule, dom::object spec,
                                    std::vector<regex>& patterns) noexcept;

}  // namespace sluice::validate
