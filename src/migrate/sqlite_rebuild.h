#pragma once
// SQLite cannot alter a column, a constraint or a primary key in place: the table is rebuilt
// (new table, copy, drop, rename). Done naively (drizzle-kit), dropping a parent table fires
// ON DELETE CASCADE into its children even with foreign keys deferred, and D1 ignores
// `foreign_keys = off` inside its batch. So every table that references a rebuilt table is
// rebuilt with it: the new copies reference each other, the old tables are dropped children
// first, and no row of any of them is deleted by a foreign key action.
#include <vector>

#include "migrate/planners.h"

namespace sluice::migrate {

struct rebuilt_table {
  const schema::table* before;
  const schema::table* after;
};

// Appends the rebuild of `tables` (and their indexes to `indexes`). The caller has put
// `pragma defer_foreign_keys = on` first: the copies are checked when the batch commits.
void append_rebuild(const plan_input& in, const std::vector<rebuilt_table>& tables,
                    std::vector<planned_statement>& out,
                    std::vector<planned_statement>& indexes) noexcept;

}  // namespace sluice::migrate
