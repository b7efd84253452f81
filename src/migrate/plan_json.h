#pragma once
// The migration plan across the ABI (docs/internals.md §6): a request naming both catalogs
// as snapshots, and the plan as JSON.
#include <string>
#include <string_view>

#include "core/result.h"

namespace sluice::migrate {

// {"dialect":"sqlite","previous":<snapshot>|null,"next":<snapshot>,
//  "renames":[{"from":"users.name","to":"users.full_name"}]?,"noRenames":false?}
// -> {"statements":[{"sql":"...","outsideTransaction":false}],"dataLoss":["..."],
//     "ambiguities":[{"table":"users","dropped":["name"],"added":["full_name"]}]}
// Errors: invalid_json, invalid_document, the schema loader's, and plan_migration's.
[[nodiscard]] result<std::string> migration_plan_json(std::string_view request) noexcept;

}  // namespace sluice::migrate
