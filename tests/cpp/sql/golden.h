#pragma once
// Golden SQL checks. Each case lists the Postgres and the SQLite statements side by side; every
// statement a case expects is also prepared by the real engine against a database built from
// the schema's own DDL (SQLite in memory, PostgreSQL 15 from the ctest fixture), so no golden
// can hold SQL that its database would refuse.
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "fixtures.h"
#include "schema/catalog.h"
#include "sql/compile.h"

namespace sluice::testing {

struct expected_sql {
  std::string sql;
  // Compact parameter list: `0:integer` for caller value 0, `="viewer":text` for a catalog
  // constant, comma-separated.
  std::string params;
};

// `spec` is a query spec without its "dialect" member.
void expect_sql(std::string_view spec, const expected_sql& pg, const expected_sql& sqlite,
                const schema::catalog& cat = tutorial_catalog());
// For specs that compile to several statements (a split insert).
void expect_statements(std::string_view spec, const std::vector<expected_sql>& pg,
                       const std::vector<expected_sql>& sqlite,
                       const schema::catalog& cat = tutorial_catalog());
// Both dialects fail with `code` at `path`.
void expect_error(std::string_view spec, error_code code, const std::vector<std::string>& path,
                  const schema::catalog& cat = tutorial_catalog());

// The SQLite form of a select: `select json_object(<cells>) as "r" <rest>` inside the wrapper
// that returns the final JSON as one text cell: an array of the rows, or (sqlite_first) the
// one row's object or `null`.
[[nodiscard]] std::string sqlite_rows(std::string_view cells, std::string_view rest);
[[nodiscard]] std::string sqlite_first(std::string_view cells, std::string_view rest);
// The SQLite cells that turn a stored boolean / epoch-ms timestamp into its final JSON.
[[nodiscard]] std::string sqlite_bool(std::string_view cell);
[[nodiscard]] std::string sqlite_time(std::string_view cell);
// A numeric cell: exact text, or a real in the exact form the final-JSON decoder reads.
[[nodiscard]] std::string sqlite_numeric(std::string_view cell);
// The SQLite key/value cells of every users / posts column by bare name, as a select or a
// write's returning writes them.
[[nodiscard]] std::string sqlite_users_cells();
[[nodiscard]] std::string sqlite_posts_cells();
// A write's SQLite returning clause: each row one json_object of `cells`.
[[nodiscard]] std::string sqlite_returning(std::string_view cells);

[[nodiscard]] std::string with_dialect(std::string_view spec, sql::dialect_id dialect);
[[nodiscard]] result<sql::compiled> compile_for(sql::dialect_id dialect, std::string_view spec,
                                                const schema::catalog& cat = tutorial_catalog());
[[nodiscard]] std::string params_text(const std::vector<sql::param>& params);

}  // namespace sluice::testing
