#pragma once
// The changes inside one table present in both catalogs: its name, columns, primary key,
// uniques, foreign keys, checks and indexes.
#include <vector>

#include "migrate/change.h"
#include "migrate/diff_names.h"

namespace sluice::migrate {

void diff_table(const schema::catalog& before_cat, const schema::catalog& after_cat,
                const diff_names& names, const schema::table& before, const schema::table& after,
                std::vector<change>& out) noexcept;

}  // namespace sluice::migrate
