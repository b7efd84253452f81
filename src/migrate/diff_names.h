#pragma once
// How names in the previous catalog map to the next one once tables and columns are matched,
// so constraints can be compared in the next catalog's names: renaming a column does not
// make its index, unique or foreign key "different".
#include <string>
#include <string_view>
#include <vector>

#include "schema/catalog.h"

namespace sluice::migrate {

[[nodiscard]] const schema::column* column_named(const schema::table& t,
                                                std::string_view name) noexcept;

struct column_rename {
  const schema::table* before;
  std::string from;
  std::string to;
};

struct diff_names {
  const schema::catalog* before = nullptr;
  std::vector<std::pair<const schema::table*, const schema::table*>> tables;  // matched
  std::vector<column_rename> columns;

  // The next name of a previous table (its own name when it was dropped).
  [[nodiscard]] std::string_view table_name(const schema::table& before_table) const noexcept;
  // The next name of a previous column.
  [[nodiscard]] std::string_view column_name(const schema::table& before_table,
                                             std::string_view column) const noexcept;
  // Comparable texts of each constraint, in the next catalog's names. `mapped`: `t` is from
  // the previous catalog and its names are translated.
  [[nodiscard]] std::string columns_text(const schema::table& t, const std::vector<std::string>& keys,
                                         bool mapped) const noexcept;
  [[nodiscard]] std::string foreign_key_text(const schema::catalog& cat, const schema::table& t,
                                             const schema::foreign_key& fk, bool mapped) const noexcept;
};

}  // namespace sluice::migrate
