#include "migrate/ddl.h"


#include "migrate/creation_order.h"
#include "migrate/table_ddl.h"
#include "sql/dialect.h"

namespace sluice::migrate {

std::vector<std::string> create_schema_ddl(const schema::catalog& cat,
                                           sql::dialect_id dialect) noexcept {
  const sql::dialect& d = sql::dialect_for(dialect);
  std::vector<std::string> out;
  if (d.caps().enum_types)
    for (const auto& e : cat.enums) out.push_back(ignoring_duplicates(create_enum_type(e)));
  std::vector<std::string> indexes;
  std::vector<std::string> deferred;
  create_table_options options;
  for (const schema::table* t : creation_order(cat)) {
    options.existing.push_back(t->key);
    out.push_back(create_table(cat, d, *t, options, deferred));
    for (const auto& ix : t->indexes) indexes.push_back(create_index(t->name, *t, ix, true));
  }
  out.insert(out.end(), indexes.begin(), indexes.end());
  out.insert(out.end(), deferred.begin(), deferred.end());
  return out;
}

}  // namespace sluice::migrate
