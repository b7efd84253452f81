#pragma once
// The per-dialect halves of plan_migration: each orders the diff's changes into statements
// its database accepts.
#include <vector>

#include "core/result.h"
#include "migrate/change.h"
#include "migrate/plan.h"

namespace sluice::migrate {

struct plan_input {
  const schema::catalog& before;
  const schema::catalog& after;
  const std::vector<change>& changes;
};

[[nodiscard]] result<std::vector<planned_statement>> plan_postgres(const plan_input& in) noexcept;
[[nodiscard]] result<std::vector<planned_statement>> plan_sqlite(const plan_input& in) noexcept;
// What the changes would destroy, in words (plan.h).
[[nodiscard]] std::vector<std::string> data_loss(const plan_input& in, sql::dialect_id dialect) noexcept;

// `alter table "name" ` (with the trailing space).
[[nodiscard]] std::string alter_table(std::string_view table_name) noexcept;
// `drop table` for every dropped table, referrers before the tables they reference.
[[nodiscard]] std::vector<std::string> drop_table_statements(const plan_input& in) noexcept;
// The changes of one kind, in diff order.
template <typename F>
void each(const plan_input& in, change_kind kind, F f) {
  for (const change& c : in.changes)
    if (c.kind == kind) f(c);
}

}  // namespace sluice::migrate
