// Destructive changes, in words a person can check before saying yes: what is dropped, and
// what may not survive a type change or losing an enum value.
#include <algorithm>

#include "migrate/diff_names.h"
#include "migrate/planners.h"
#include "sql/dialect.h"

namespace sluice::migrate {
namespace {

std::string type_text(const sql::dialect& d, const schema::column& c) {
  std::string s;
  d.column_type(s, c, false);
  return s;
}

std::string removed_values(const schema::enumeration& before, const schema::enumeration& after) {
  std::string out;
  for (const auto& v : before.values) {
    if (std::find(after.values.begin(), after.values.end(), v) != after.values.end()) continue;
    if (!out.empty()) out += ", ";
    out += '\'' + v + '\'';
  }
  return out;
}

}  // namespace

std::vector<std::string> data_loss(const plan_input& in, sql::dialect_id dialect) noexcept {
  const sql::dialect& d = sql::dialect_for(dialect);
  std::vector<std::string> out;
  for (const change& c : in.changes) {
    switch (c.kind) {
      case change_kind::drop_table:
        out.push_back("table " + c.before->name + " is dropped with all its rows");
        break;
      case change_kind::drop_column:
        out.push_back("column " + c.before->name + "." + c.name + " is dropped with its values");
        break;
      case change_kind::alter_column:
        if (c.columns.type) {
          const std::string from = type_text(d, *column_named(*c.before, c.previous));
          const std::string to = type_text(d, *column_named(*c.after, c.name));
          if (from != to)
            out.push_back("column " + c.after->name + "." + c.name + " changes type from " + from +
                          " to " + to + ": values that do not convert are lost or fail");
        }
        break;
      case change_kind::remove_enum_values:
        if (auto values = removed_values(*c.before_enum, *c.after_enum); !values.empty())
          out.push_back("enum " + c.after_enum->name + " loses " + values +
                        ": rows holding them make the migration fail");
        break;
      default: break;
    }
  }
  return out;
}

}  // namespace sluice::migrate
