#pragma once
// Golden migration plans for both dialects side by side. Every SQLite plan is also executed
// on a real SQLite created from the previous catalog and holding `seed` rows; the result must
// have the structure of a database created from the next catalog, pass foreign_key_check,
// and answer `after_query` with `after_rows`.
#include <string>
#include <vector>

#include "migrate/plan.h"

namespace sluice::testing {

struct plan_case {
  std::string before;  // schema documents
  std::string after;
  migrate::diff_options options;
  std::vector<std::string> pg;
  std::vector<std::string> sqlite;
  std::vector<std::string> seed;
  std::string after_query;
  std::vector<std::string> after_rows;
};

void expect_plan(const plan_case& c);
[[nodiscard]] migrate::migration_plan plan_of(const std::string& before, const std::string& after,
                                              sql::dialect_id dialect,
                                              const migrate::diff_options& options = {});

}  // namespace sluice::testing
