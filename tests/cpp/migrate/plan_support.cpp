#include "migrate/plan_support.h"

#include <gtest/gtest.h>

#include "migrate/migration_db.h"
#include "schema/load_schema.h"

namespace sluice::testing {
namespace {

schema::catalog load(const std::string& doc) {
  auto cat = schema::load_schema(doc);
  EXPECT_TRUE(cat.ok()) << (cat.ok() ? "" : cat.err().message);
  return cat.ok() ? std::move(cat.value()) : schema::catalog{};
}

void expect_statements(const migrate::migration_plan& plan, const std::vector<std::string>& want,
                       const char* dialect) {
  EXPECT_TRUE(plan.ambiguities.empty()) << dialect;
  std::vector<std::string> got;
  for (const auto& s : plan.statements) got.push_back(s.sql);
  EXPECT_EQ(got.size(), want.size()) << dialect;
  for (size_t i = 0; i < std::max(got.size(), want.size()); ++i) {
    const std::string g = i < got.size() ? got[i] : "<none>";
    const std::string w = i < want.size() ? want[i] : "<none>";
    EXPECT_EQ(g, w) << dialect << " statement " << i << "\nExpected -->|" << w << "|<--\nReceived -->|" << g << "|<--";
  }
}

}  // namespace

migrate::migration_plan plan_of(const std::string& before, const std::string& after,
                                sql::dialect_id dialect, const migrate::diff_options& options) {
  const schema::catalog b = load(before);
  const schema::catalog a = load(after);
  auto plan = migrate::plan_migration(b, a, dialect, options);
  EXPECT_TRUE(plan.ok()) << (plan.ok() ? "" : plan.err().message);
  return plan.ok() ? std::move(plan.value()) : migrate::migration_plan{};
}

void expect_plan(const plan_case& c) {
  expect_statements(plan_of(c.before, c.after, sql::dialect_id::postgres, c.options), c.pg, "postgres");
  const auto sqlite_plan = plan_of(c.before, c.after, sql::dialect_id::sqlite, c.options);
  expect_statements(sqlite_plan, c.sqlite, "sqlite");

  const schema::catalog before = load(c.before);
  const schema::catalog after = load(c.after);
  migration_db migrated(before);
  for (const auto& s : c.seed) ASSERT_EQ(migrated.exec(s), "") << s;
  for (const auto& s : sqlite_plan.statements) ASSERT_EQ(migrated.exec(s.sql), "") << s.sql;
  EXPECT_EQ(migrated.rows("pragma foreign_key_check"), std::vector<std::string>{});
  migration_db fresh(after);
  EXPECT_EQ(migrated.describe(), fresh.describe());
  if (!c.after_query.empty()) EXPECT_EQ(migrated.rows(c.after_query), c.after_rows);
}

}  // namespace sluice::testing
