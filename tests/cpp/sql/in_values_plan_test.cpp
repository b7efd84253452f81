// inArray with its list as one parameter keeps the index: both planners probe the left
// column's index with each value of the list (SQLite through json_each, Postgres = any).
#include <gtest/gtest.h>

#include "fixtures.h"
#include "golden.h"
#include "postgres_db.h"
#include "sqlite_db.h"

namespace sluice::testing {
namespace {

std::string compiled_sql(sql::dialect_id dialect, const std::string& column) {
  const std::string spec = R"({"kind":"select","table":"users","fields":[{"key":"id","expr":{"col":["users","id"]}}],
      "where":{"op":"inArray","left":{"col":["users",")" + column + R"("]},"right":{"param":0}}})";
  auto c = compile_for(dialect, spec);
  EXPECT_TRUE(c.ok());
  return c.ok() ? c.value().statements[0].sql : "";
}

TEST(InValuesPlan, SqliteSearchesThePrimaryKeyAndIndexes) {
  auto& db = sqlite_for(tutorial_catalog());
  EXPECT_NE(db.query_plan(compiled_sql(sql::dialect_id::sqlite, "id"))
                .find("SEARCH users USING INTEGER PRIMARY KEY (rowid=?)"),
            std::string::npos);
  const std::string by_email = db.query_plan(compiled_sql(sql::dialect_id::sqlite, "email"));
  EXPECT_NE(by_email.find("SEARCH users USING"), std::string::npos) << by_email;
  EXPECT_NE(by_email.find("INDEX users_email_idx (email=?)"), std::string::npos) << by_email;
}

TEST(InValuesPlan, PostgresUsesTheIndexWithAny) {
  auto& db = postgres_for(tutorial_catalog());
  const std::string by_id = db.query_plan(compiled_sql(sql::dialect_id::postgres, "id"), "'{1,2}'");
  EXPECT_NE(by_id.find("Index"), std::string::npos) << by_id;
  EXPECT_NE(by_id.find("(id = ANY ('{1,2}'::integer[]))"), std::string::npos) << by_id;
  const std::string by_email =
      db.query_plan(compiled_sql(sql::dialect_id::postgres, "email"), "'{\"a@x.org\"}'");
  EXPECT_NE(by_email.find("users_email"), std::string::npos) << by_email;
}

}  // namespace
}  // namespace sluice::testing
