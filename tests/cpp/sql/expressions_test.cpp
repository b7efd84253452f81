// Every operator, through a one-column select: Postgres and SQLite conditions side by side.
#include <gtest/gtest.h>

#include "golden.h"

namespace sluice::testing {
namespace {

void expect_where(const std::string& table, const std::string& where, const std::string& pg,
                  const std::string& sqlite, const std::string& params) {
  const std::string spec = R"({"kind":"select","table":")" + table +
                           R"(","fields":[{"key":"id","expr":{"col":[")" + table +
                           R"(","id"]}}],"where":)" + where + "}";
  const std::string from = "from \"" + table + "\"";
  const std::string pg_where = pg.empty() ? "" : " where " + pg;
  const std::string sqlite_where = sqlite.empty() ? "" : " where " + sqlite;
  expect_sql(spec, {"select \"id\" " + from + pg_where, params},
             {sqlite_rows("'id', \"id\"", from + sqlite_where), params});
}

TEST(Expressions, Comparisons) {
  expect_where("users", R"({"op":"and","args":[
      {"op":"eq","left":{"col":["users","id"]},"right":{"param":0}},
      {"op":"ne","left":{"col":["users","id"]},"right":{"param":1}},
      {"op":"gt","left":{"col":["users","id"]},"right":{"param":2}},
      {"op":"gte","left":{"col":["users","id"]},"right":{"param":3}},
      {"op":"lt","left":{"col":["users","id"]},"right":{"param":4}},
      {"op":"lte","left":{"col":["users","id"]},"right":{"param":5}}]})",
    R"(("users"."id" = $1 and "users"."id" <> $2 and "users"."id" > $3 and "users"."id" >= $4 and "users"."id" < $5 and "users"."id" <= $6))",
    R"(("users"."id" = ? and "users"."id" <> ? and "users"."id" > ? and "users"."id" >= ? and "users"."id" < ? and "users"."id" <= ?))",
    "0:integer, 1:integer, 2:integer, 3:integer, 4:integer, 5:integer");
}

TEST(Expressions, LikeAndNotLike) {
  expect_where("users", R"({"op":"and","args":[
      {"op":"like","left":{"col":["users","email"]},"right":{"param":0}},
      {"op":"notLike","left":{"col":["users","name"]},"right":{"param":1}}]})",
    R"(("users"."email" like $1 and "users"."name" not like $2))",
    R"(("users"."email" like ? and "users"."name" not like ?))",
    "0:text, 1:text");
}

TEST(Expressions, IlikeBecomesLikeWithoutIlike) {
  expect_where("users", R"({"op":"or","args":[
      {"op":"ilike","left":{"col":["users","name"]},"right":{"param":0}},
      {"op":"notIlike","left":{"col":["users","email"]},"right":{"param":1}}]})",
    R"(("users"."name" ilike $1 or "users"."email" not ilike $2))",
    R"(("users"."name" like ? or "users"."email" not like ?))",
    "0:text, 1:text");
}

TEST(Expressions, LikeOperandsAreText) {
  expect_where("users", R"({"op":"notLike","left":{"param":0},"right":{"param":1}})",
               "$1 not like $2", "? not like ?", "0:text, 1:text");
}

TEST(Expressions, InArrayAndNotInArray) {
  expect_where("users", R"({"op":"and","args":[
      {"op":"inArray","left":{"col":["users","id"]},"right":[{"param":0},{"param":1},{"param":2}]},
      {"op":"notInArray","left":{"col":["users","role"]},"right":[{"param":3}]}]})",
    R"(("users"."id" in ($1, $2, $3) and "users"."role" not in ($4)))",
    R"(("users"."id" in (?, ?, ?) and "users"."role" not in (?)))",
    "0:integer, 1:integer, 2:integer, 3:text");
}

// A list of values is one array parameter: every length is the same statement.
TEST(Expressions, InArrayOfOneListValue) {
  expect_where("users", R"({"op":"and","args":[
      {"op":"inArray","left":{"col":["users","id"]},"right":{"param":0}},
      {"op":"notInArray","left":{"col":["users","role"]},"right":{"param":1}}]})",
    R"(("users"."id" = any($1) and "users"."role" <> all($2)))",
    R"(("users"."id" in (select value from json_each(?)) and "users"."role" not in (select value from json_each(?))))",
    "0:integer[], 1:text[]");
}

TEST(Expressions, EmptyInArrayIsFalse) {
  expect_where("users", R"({"op":"inArray","left":{"col":["users","id"]},"right":[]})", "false",
               "false", "");
}

TEST(Expressions, EmptyNotInArrayIsTrue) {
  expect_where("users", R"({"op":"notInArray","left":{"col":["users","id"]},"right":[]})", "true",
               "true", "");
}

TEST(Expressions, NullChecks) {
  expect_where("posts", R"({"op":"or","args":[
      {"op":"isNull","arg":{"col":["posts","body"]}},
      {"op":"isNotNull","arg":{"col":["posts","title"]}}]})",
    R"(("posts"."body" is null or "posts"."title" is not null))",
    R"(("posts"."body" is null or "posts"."title" is not null))", "");
}

TEST(Expressions, BetweenAndNotBetween) {
  expect_where("posts", R"({"op":"and","args":[
      {"op":"between","arg":{"col":["posts","id"]},"low":{"param":0},"high":{"param":1}},
      {"op":"notBetween","arg":{"col":["posts","createdAt"]},"low":{"param":2},"high":{"param":3}}]})",
    R"(("posts"."id" between $1 and $2 and "posts"."created_at" not between $3 and $4))",
    R"(("posts"."id" between ? and ? and "posts"."created_at" not between ? and ?))",
    "0:integer, 1:integer, 2:timestamp, 3:timestamp");
}

TEST(Expressions, NotOfOrKeepsOneParenthesis) {
  expect_where("users", R"({"op":"not","arg":{"op":"or","args":[
      {"op":"eq","left":{"col":["users","role"]},"right":{"param":0}},
      {"op":"eq","left":{"col":["users","isActive"]},"right":{"param":1}}]}})",
    R"(not ("users"."role" = $1 or "users"."is_active" = $2))",
    R"(not ("users"."role" = ? or "users"."is_active" = ?))", "0:text, 1:boolean");
}

TEST(Expressions, NotOfAComparisonIsParenthesised) {
  expect_where("users", R"({"op":"not","arg":{"op":"eq","left":{"col":["users","id"]},"right":{"param":0}}})",
               R"(not ("users"."id" = $1))", R"(not ("users"."id" = ?))", "0:integer");
}

TEST(Expressions, NestedAndInsideOr) {
  expect_where("users", R"({"op":"or","args":[
      {"op":"eq","left":{"col":["users","id"]},"right":{"param":0}},
      {"op":"and","args":[
        {"op":"eq","left":{"col":["users","role"]},"right":{"param":1}},
        {"op":"isNotNull","arg":{"col":["users","email"]}}]}]})",
    R"(("users"."id" = $1 or ("users"."role" = $2 and "users"."email" is not null)))",
    R"(("users"."id" = ? or ("users"."role" = ? and "users"."email" is not null)))",
    "0:integer, 1:text");
}

TEST(Expressions, SingleArgumentAndIsItsArgument) {
  expect_where("users", R"({"op":"and","args":[{"op":"eq","left":{"col":["users","id"]},"right":{"param":0}}]})",
               R"("users"."id" = $1)", R"("users"."id" = ?)", "0:integer");
}

TEST(Expressions, EmptyAndOrAreNoCondition) {
  expect_where("users", R"({"op":"and","args":[]})", "", "", "");
  expect_where("users", R"({"op":"or","args":[{"op":"and","args":[]},{"op":"not","arg":{"op":"or","args":[]}}]})",
               "", "", "");
}

TEST(Expressions, EmptyAndIsDroppedFromItsParent) {
  expect_where("users", R"({"op":"or","args":[{"op":"and","args":[]},
      {"op":"eq","left":{"col":["users","id"]},"right":{"param":0}},
      {"op":"eq","left":{"col":["users","id"]},"right":{"param":1}}]})",
    R"(("users"."id" = $1 or "users"."id" = $2))", R"(("users"."id" = ? or "users"."id" = ?))",
    "0:integer, 1:integer");
}

TEST(Expressions, ParameterOnTheLeftTakesTheColumnType) {
  expect_where("users", R"({"op":"lt","left":{"param":0},"right":{"col":["users","createdAt"]}})",
               R"($1 < "users"."created_at")", R"(? < "users"."created_at")", "0:timestamp");
}

TEST(Expressions, ColumnAgainstColumn) {
  expect_where("users", R"({"op":"lt","left":{"col":["users","createdAt"]},"right":{"col":["users","updatedAt"]}})",
               R"("users"."created_at" < "users"."updated_at")",
               R"("users"."created_at" < "users"."updated_at")", "");
}

TEST(Expressions, ParameterAgainstParameterHasNoType) {
  expect_where("users", R"({"op":"eq","left":{"param":0},"right":{"param":1}})", "$1 = $2", "? = ?",
               "0:any, 1:any");
}

TEST(Expressions, ConditionAsAnOperandIsParenthesised) {
  expect_where("users", R"({"op":"eq","left":{"op":"isNull","arg":{"col":["users","name"]}},"right":{"param":0}})",
               R"(("users"."name" is null) = $1)", R"(("users"."name" is null) = ?)", "0:any");
}

TEST(Expressions, AParameterMayBeReusedAndOrderedFreely) {
  expect_where("users", R"({"op":"or","args":[
      {"op":"eq","left":{"col":["users","email"]},"right":{"param":3}},
      {"op":"eq","left":{"col":["users","name"]},"right":{"param":3}}]})",
    R"(("users"."email" = $1 or "users"."name" = $2))", R"(("users"."email" = ? or "users"."name" = ?))",
    "3:text, 3:text");
}

}  // namespace
}  // namespace sluice::testing
