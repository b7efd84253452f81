#pragma once
// The difference between two catalogs (a snapshot and the schema, or the live database and
// the schema) as a list of typed changes. A table or column that disappears while another
// appears may be a rename: the caller says which (renames), or that there are none
// (no_renames); until then the pair is reported as an ambiguity and nothing is planned.
#include <string>
#include <vector>

#include "core/result.h"
#include "migrate/change.h"
#include "schema/catalog.h"

namespace sluice::migrate {

// SQL names: "users" -> "members" renames a table, "users.name" -> "users.full_name" a
// column (either table name may be given, before or after its own rename).
struct rename {
  std::string from;
  std::string to;
};

struct diff_options {
  std::vector<rename> renames;
  bool no_renames = false;  // whatever is still unmatched is dropped and created
};

// `table` is empty for tables, else the (new) table whose columns are unmatched.
struct ambiguity {
  std::string table;
  std::vector<std::string> dropped;
  std::vector<std::string> added;
};

struct catalog_diff {
  std::vector<change> changes;
  std::vector<ambiguity> ambiguities;
};

// Errors: invalid_value (a rename naming a table or column that is not dropped and added).
[[nodiscard]] result<catalog_diff> diff_catalogs(const schema::catalog& before,
                                                 const schema::catalog& after,
                                                 const diff_options& options) noexcept;

}  // namespace sluice::migrate
