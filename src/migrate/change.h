#pragma once
// One difference between two catalogs, as the diff finds it and the per-dialect planners
// turn it into statements. Tables and columns are matched by SQL name (what the database
// knows); `before` points into the previous catalog, `after` into the next one.
#include <cstdint>
#include <string>
#include <vector>

#include "schema/catalog.h"

namespace sluice::migrate {

enum class change_kind : uint8_t {
  create_enum,        // after_enum
  drop_enum,          // before_enum
  add_enum_value,     // after_enum; value, and `neighbour`: the value it goes before ("" = last)
  remove_enum_values, // before_enum, after_enum: values gone or reordered
  create_table,       // after
  drop_table,         // before
  rename_table,       // before, after
  add_column,         // after, column
  drop_column,        // before, column
  rename_column,      // before, after, column (new), previous (old)
  alter_column,       // before, after, column: type, default or not null differ (see flags)
  alter_primary_key,  // before, after
  add_unique,         // after, name
  drop_unique,        // before, name
  add_foreign_key,    // after, name
  drop_foreign_key,   // before, name
  add_check,          // after, name
  drop_check,         // before, name
  create_index,       // after, name
  drop_index,         // before, name
};

// What an alter_column changes.
struct column_changes {
  bool type = false;
  bool default_value = false;
  bool not_null = false;
};

struct change {
  change(change_kind k, const schema::table* b, const schema::table* a, std::string n = {})
      : kind(k), before(b), after(a), name(std::move(n)) {}
  change(change_kind k, const schema::enumeration* b, const schema::enumeration* a,
         std::string value = {})
      : kind(k), before_enum(b), after_enum(a), name(std::move(value)) {}

  change_kind kind;
  const schema::table* before = nullptr;
  const schema::table* after = nullptr;
  const schema::enumeration* before_enum = nullptr;
  const schema::enumeration* after_enum = nullptr;
  std::string name;      // column SQL name (new), constraint or index name, enum value
  std::string previous;  // a renamed column's old SQL name
  std::string neighbour; // add_enum_value: the existing value it is inserted before
  column_changes columns;
};

}  // namespace sluice::migrate
