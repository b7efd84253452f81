#pragma once
// A real PostgreSQL 15 for the goldens: every Postgres statement a golden case expects is
// PREPAREd by it against the schema's own DDL, as sqlite_db does for SQLite. The server is the
// private cluster tests/cpp/sql/postgres_fixture.sh starts as a ctest fixture; the test binary
// finds it through $SLUICE_TEST_PG_STATE (the fixture's state file).
//
// Each catalog's DDL runs in a schema of its own, inside a transaction that is never
// committed: concurrent test processes never see each other's tables and nothing outlives
// the connection. Parameters are sent untyped, as the gateway and Neon send them, so Postgres
// infers each one's type from the statement; that inferred type must then fit the type the
// golden gives the parameter.
#include <libpq-fe.h>

#include <string>
#include <vector>

#include "schema/catalog.h"
#include "sql/compiled.h"

namespace sluice::testing {

// A golden's parameter: its type, and whether it is a list of that type bound as one array.
struct golden_param {
  sql::param_type type = sql::param_type::any;
  bool list = false;
};

class postgres_db {
 public:
  // Connects and creates `cat`'s tables; a failure is reported by prepare_problem().
  explicit postgres_db(const schema::catalog& cat);
  ~postgres_db();
  postgres_db(const postgres_db&) = delete;
  postgres_db& operator=(const postgres_db&) = delete;

  // Empty when Postgres prepares `sql` with exactly the golden's parameters and infers for
  // each a type that fits the golden's; otherwise what went wrong.
  [[nodiscard]] std::string prepare_problem(const std::string& sql,
                                            const std::vector<golden_param>& params);
  // The plan Postgres runs `sql` with, for the parameter values `args` (SQL literals), with
  // sequential scans discouraged: an index the statement can use shows up in it.
  [[nodiscard]] std::string query_plan(const std::string& sql, const std::string& args);

 private:
  [[nodiscard]] std::string exec(const std::string& sql);
  [[nodiscard]] std::string type_problem(size_t index, golden_param want, unsigned oid);

  PGconn* conn_ = nullptr;
  std::string setup_problem_;
  unsigned statement_count_ = 0;
};

// One connection per catalog, opened on first use and kept for the test run.
[[nodiscard]] postgres_db& postgres_for(const schema::catalog& cat);

// The golden's parameters, from its compact list (`0:integer, ="viewer":text, 1:text[]`).
[[nodiscard]] std::vector<golden_param> golden_param_types(const std::string& params);

}  // namespace sluice::testing
