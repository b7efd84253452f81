// update, delete, count. Postgres and SQLite side by side; SQLite returns each row's final JSON.
#include <gtest/gtest.h>

#include "golden.h"

namespace sluice::testing {
namespace {

const std::string users_returning =
    R"( returning "id", "email", "name", "role", "is_active", "created_at", "updated_at")";
const std::string posts_returning =
    R"( returning "id", "author_id", "title", "body", "published", "created_at")";
const std::string sqlite_users_returning = sqlite_returning(sqlite_users_cells());
const std::string sqlite_posts_returning = sqlite_returning(sqlite_posts_cells());

TEST(CompileUpdate, SetWhereReturningAll) {
  expect_sql(R"({"kind":"update","table":"users",
      "set":{"name":{"param":0},"role":{"param":1},"updatedAt":{"param":2}},
      "where":{"op":"eq","left":{"col":["users","id"]},"right":{"param":3}},"returning":"all"})",
    {R"(update "users" set "name" = $1, "role" = $2, "updated_at" = $3 where "users"."id" = $4)" + users_returning,
     "0:text, 1:text, 2:timestamp, 3:integer"},
    {R"(update "users" set "name" = ?, "role" = ?, "updated_at" = ? where "users"."id" = ?)" + sqlite_users_returning,
     "0:text, 1:text, 2:timestamp, 3:integer"});
}

TEST(CompileUpdate, ReturningProjection) {
  expect_sql(R"({"kind":"update","table":"users","set":{"isActive":{"param":0}},
      "where":{"op":"eq","left":{"col":["users","id"]},"right":{"param":1}},
      "returning":[{"key":"updatedAt","expr":{"col":["users","updatedAt"]}}]})",
    {R"(update "users" set "is_active" = $1 where "users"."id" = $2 returning "updated_at")", "0:boolean, 1:integer"},
    {R"(update "users" set "is_active" = ? where "users"."id" = ?)" +
         sqlite_returning("'updatedAt', " + sqlite_time(R"("updated_at")")),
     "0:boolean, 1:integer"});
}

// A condition is returned as a boolean: SQLite converts it with the same template as a column.
TEST(CompileUpdate, ReturningCondition) {
  expect_sql(R"({"kind":"update","table":"users","set":{"role":{"param":0}},
      "returning":[{"key":"isAdmin","expr":{"op":"eq","left":{"col":["users","role"]},"right":{"param":1}}}]})",
    {R"(update "users" set "role" = $1 returning "role" = $2)", "0:text, 1:text"},
    {R"(update "users" set "role" = ?)" + sqlite_returning(R"('isAdmin', )" + sqlite_bool(R"(("role" = ?))")),
     "0:text, 1:text"});
}

TEST(CompileUpdate, WithoutWhereOrReturning) {
  expect_sql(R"({"kind":"update","table":"posts","set":{"published":{"param":0}}})",
             {R"(update "posts" set "published" = $1)", "0:boolean"},
             {R"(update "posts" set "published" = ?)", "0:boolean"});
}

TEST(CompileUpdate, SetFromAnotherColumn) {
  expect_sql(R"({"kind":"update","table":"users","set":{"updatedAt":{"col":["users","createdAt"]}}})",
             {R"(update "users" set "updated_at" = "users"."created_at")", ""},
             {R"(update "users" set "updated_at" = "users"."created_at")", ""});
}

TEST(CompileDelete, WhereReturningAll) {
  expect_sql(R"({"kind":"delete","table":"posts","where":{"op":"and","args":[
      {"op":"eq","left":{"col":["posts","authorId"]},"right":{"param":0}},
      {"op":"eq","left":{"col":["posts","published"]},"right":{"param":1}}]},"returning":"all"})",
    {R"(delete from "posts" where ("posts"."author_id" = $1 and "posts"."published" = $2))" + posts_returning,
     "0:integer, 1:boolean"},
    {R"(delete from "posts" where ("posts"."author_id" = ? and "posts"."published" = ?))" + sqlite_posts_returning,
     "0:integer, 1:boolean"});
}

TEST(CompileDelete, ReturningId) {
  expect_sql(R"({"kind":"delete","table":"users","where":{"op":"eq","left":{"col":["users","email"]},"right":{"param":0}},
      "returning":[{"key":"id","expr":{"col":["users","id"]}}]})",
    {R"(delete from "users" where "users"."email" = $1 returning "id")", "0:text"},
    {R"(delete from "users" where "users"."email" = ? returning json_object('id', "id"))", "0:text"});
}

TEST(CompileDelete, WithoutWhere) {
  expect_sql(R"({"kind":"delete","table":"posts"})", {R"(delete from "posts")", ""},
             {R"(delete from "posts")", ""});
}

TEST(CompileCount, WholeTable) {
  expect_sql(R"({"kind":"count","table":"posts"})", {R"(select count(*) from "posts")", ""},
             {R"(select count(*) from "posts")", ""});
}

TEST(CompileCount, WithWhere) {
  expect_sql(R"({"kind":"count","table":"posts","where":{"op":"eq","left":{"col":["posts","published"]},"right":{"param":0}}})",
             {R"(select count(*) from "posts" where "posts"."published" = $1)", "0:boolean"},
             {R"(select count(*) from "posts" where "posts"."published" = ?)", "0:boolean"});
}

}  // namespace
}  // namespace sluice::testing
