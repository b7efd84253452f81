#pragma once
// An in-memory SQLite database created from create_schema_ddl(catalog, sqlite): the oracle
// every golden SQLite statement is prepared against, and the engine for end-to-end checks.
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "schema/catalog.h"
#include "sql/compiled.h"

namespace sluice::testing {

using sql_value = std::variant<std::nullptr_t, int64_t, double, std::string>;

class sqlite_db {
 public:
  explicit sqlite_db(const schema::catalog& cat);
  ~sqlite_db();
  sqlite_db(const sqlite_db&) = delete;
  sqlite_db& operator=(const sqlite_db&) = delete;

  static constexpr size_t any_count = static_cast<size_t>(-1);
  // Empty when `sql` prepares and has `params` placeholders (any number for any_count);
  // otherwise what went wrong.
  [[nodiscard]] std::string prepare_problem(const std::string& sql, size_t params) const;
  // Runs one compiled statement, binding refs from `values` and catalog constants as the JS
  // side would for D1 (booleans as 0/1). Returns every row, cells rendered as text ("null"
  // for NULL); on failure one row holding "error: <message>".
  [[nodiscard]] std::vector<std::vector<std::string>> run(const sql::statement& s,
                                                          const std::vector<sql_value>& values);
  void exec(const std::string& sql);
  // EXPLAIN QUERY PLAN's details of `sql`, one line each (parameters unbound).
  [[nodiscard]] std::string query_plan(const std::string& sql);

 private:
  sqlite3* db_ = nullptr;
};

// One database per catalog, created on first use and kept for the test run.
[[nodiscard]] sqlite_db& sqlite_for(const schema::catalog& cat);

}  // namespace sluice::testing
