#pragma once
// Runs one column's rule over the value read for it, as zod would: a missing key, null and
// the JSON type are decided first; only a value of the right type goes through the checks,
// and then every failing check is reported, not only the first.
#include <cstddef>

#include "validate/body_reader.h"
#include "validate/issues.h"
#include "validate/validator.h"

namespace sluice::validate {

// Adds the issues of column `index` to `issues`. A valid timestamp is normalised into the slot.
void check_column(const validator& v, size_t index, slot& s, issue_list& issues) noexcept;

}  // namespace sluice::validate
