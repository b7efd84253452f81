#include "migrate/plan.h"

#include "migrate/creation_order.h"
#include "migrate/planners.h"
#include "sql/identifier.h"

namespace sluice::migrate {

std::string alter_table(std::string_view table_name) noexcept {
  std::string s = "alter table ";
  sql::append_identifier(s, table_name);
  s += ' ';
  return s;
}

std::vector<std::string> drop_table_statements(const plan_input& in) noexcept {
  std::vector<const schema::table*> dropped;
  each(in, change_kind::drop_table, [&](const change& c) { dropped.push_back(c.before); });
  const auto order = creation_order(dropped);
  std::vector<std::string> out;
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    std::string s = "drop table ";
    sql::append_identifier(s, (*it)->name);
    out.push_back(std::move(s));
  }
  return out;
}

result<migration_plan> plan_migration(const schema::catalog& before, const schema::catalog& after,
                                      sql::dialect_id dialect, const diff_options& options) noexcept {
  SLUICE_TRY(diff, diff_catalogs(before, after, options));
  migration_plan plan;
  if (!diff.ambiguities.empty()) {
    plan.ambiguities = std::move(diff.ambiguities);
    return plan;
  }
  const plan_input in{before, after, diff.changes};
  auto statements = dialect == sql::dialect_id::postgres ? plan_postgres(in) : plan_sqlite(in);
  if (!statements.ok()) return std::move(statements.err());
  plan.statements = std::move(statements.value());
  plan.data_loss = data_loss(in, dialect);
  return plan;
}

}  // namespace sluice::migrate
