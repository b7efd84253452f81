// select: all columns, projections, joins, order, paging. Postgres and SQLite side by side.
#include <gtest/gtest.h>

#include "golden.h"

namespace sluice::testing {
namespace {

const std::string users_columns =
    R"("id", "email", "name", "role", "is_active", "created_at", "updated_at")";
const std::string users_qualified =
    R"("users"."id", "users"."email", "users"."name", "users"."role", "users"."is_active", "users"."created_at", "users"."updated_at")";
const std::string posts_qualified =
    R"("posts"."id", "posts"."author_id", "posts"."title", "posts"."body", "posts"."published", "posts"."created_at")";

// SQLite rows are the final objects: output keys, booleans and ISO timestamps built in SQL.
const std::string users_object_cells = sqlite_users_cells();
const std::string users_qualified_object =
    R"(json_object('id', "users"."id", 'email', "users"."email", 'name', "users"."name", 'role', "users"."role", 'isActive', )" +
    sqlite_bool(R"("users"."is_active")") + R"(, 'createdAt', )" + sqlite_time(R"("users"."created_at")") +
    R"(, 'updatedAt', )" + sqlite_time(R"("users"."updated_at")") + ")";
const std::string posts_qualified_object =
    R"(json_object('id', "posts"."id", 'authorId', "posts"."author_id", 'title', "posts"."title", 'body', "posts"."body", 'published', )" +
    sqlite_bool(R"("posts"."published")") + R"(, 'createdAt', )" + sqlite_time(R"("posts"."created_at")") + ")";

TEST(CompileSelect, AllColumnsWithLimit) {
  expect_sql(R"({"kind":"select","table":"users","limit":{"param":0}})",
             {"select " + users_columns + R"( from "users" limit $1)", "0:integer"},
             {sqlite_rows(users_object_cells, R"(from "users" limit ?)"), "0:integer"});
}

TEST(CompileSelect, NoClausesAtAll) {
  expect_sql(R"({"kind":"select","table":"users"})",
             {"select " + users_columns + R"( from "users")", ""},
             {sqlite_rows(users_object_cells, R"(from "users")"), ""});
}

TEST(CompileSelect, ProjectionInnerJoinWhereOrderLimit) {
  expect_sql(R"({"kind":"select","table":"posts",
      "fields":[{"key":"postId","expr":{"col":["posts","id"]}},{"key":"title","expr":{"col":["posts","title"]}},
                {"key":"createdAt","expr":{"col":["posts","createdAt"]}},{"key":"authorName","expr":{"col":["users","name"]}},
                {"key":"authorEmail","expr":{"col":["users","email"]}}],
      "joins":[{"type":"inner","table":"users","on":{"op":"eq","left":{"col":["posts","authorId"]},"right":{"col":["users","id"]}}}],
      "where":{"op":"and","args":[{"op":"eq","left":{"col":["posts","published"]},"right":{"param":0}},
                                  {"op":"eq","left":{"col":["users","role"]},"right":{"param":1}}]},
      "orderBy":[{"expr":{"col":["posts","createdAt"]},"dir":"desc"}],"limit":{"param":2}})",
    {R"(select "posts"."id", "posts"."title", "posts"."created_at", "users"."name", "users"."email" from "posts" inner join "users" on "posts"."author_id" = "users"."id" where ("posts"."published" = $1 and "users"."role" = $2) order by "posts"."created_at" desc limit $3)",
     "0:boolean, 1:text, 2:integer"},
    {sqlite_rows(R"('postId', "posts"."id", 'title', "posts"."title", 'createdAt', )" + sqlite_time(R"("posts"."created_at")") +
                     R"(, 'authorName', "users"."name", 'authorEmail', "users"."email")",
                 R"(from "posts" inner join "users" on "posts"."author_id" = "users"."id" where ("posts"."published" = ? and "users"."role" = ?) order by "posts"."created_at" desc limit ?)"),
     "0:boolean, 1:text, 2:integer"});
}

TEST(CompileSelect, LeftJoinWithoutProjectionSelectsEveryTable) {
  expect_sql(R"({"kind":"select","table":"users",
      "joins":[{"type":"left","table":"posts","on":{"op":"eq","left":{"col":["posts","authorId"]},"right":{"col":["users","id"]}}}],
      "where":{"op":"eq","left":{"col":["users","id"]},"right":{"param":0}}})",
    {"select " + users_qualified + ", " + posts_qualified +
         R"( from "users" left join "posts" on "posts"."author_id" = "users"."id" where "users"."id" = $1)",
     "0:integer"},
    {sqlite_rows("'users', " + users_qualified_object + R"(, 'posts', case when "posts"."id" is null then null else )" +
                     posts_qualified_object + " end",
                 R"(from "users" left join "posts" on "posts"."author_id" = "users"."id" where "users"."id" = ?)"),
     "0:integer"});
}

// A term without "dir" sorts as written (the database's default, or the direction a raw
// fragment spells itself).
TEST(CompileSelect, OrderByManyTermsWithLimitAndOffset) {
  expect_sql(R"({"kind":"select","table":"posts","fields":[{"key":"id","expr":{"col":["posts","id"]}}],
      "orderBy":[{"expr":{"col":["posts","createdAt"]},"dir":"desc"},{"expr":{"col":["posts","title"]},"dir":"asc"},{"expr":{"col":["posts","id"]}}],
      "limit":{"param":0},"offset":{"param":1}})",
    {R"(select "id" from "posts" order by "posts"."created_at" desc, "posts"."title" asc, "posts"."id" limit $1 offset $2)",
     "0:integer, 1:integer"},
    {sqlite_rows(R"('id', "id")", R"(from "posts" order by "posts"."created_at" desc, "posts"."title" asc, "posts"."id" limit ? offset ?)"),
     "0:integer, 1:integer"});
}

TEST(CompileSelect, OffsetWithoutLimit) {
  expect_sql(R"({"kind":"select","table":"posts","fields":[{"key":"id","expr":{"col":["posts","id"]}}],"offset":{"param":0}})",
             {R"(select "id" from "posts" offset $1)", "0:integer"},
             {sqlite_rows(R"('id', "id")", R"(from "posts" limit -1 offset ?)"), "0:integer"});
}

TEST(CompileSelect, ConditionAsAField) {
  expect_sql(R"({"kind":"select","table":"users","fields":[{"key":"id","expr":{"col":["users","id"]}},
      {"key":"isAdmin","expr":{"op":"eq","left":{"col":["users","role"]},"right":{"param":0}}}]})",
    {R"(select "id", "role" = $1 from "users")", "0:text"},
    {sqlite_rows(R"('id', "id", 'isAdmin', )" + sqlite_bool(R"(("role" = ?))"), R"(from "users")"), "0:text"});
}

TEST(CompileSelect, TwoJoins) {
  // posts joined to users twice is not possible without aliases, so join the same way back.
  expect_sql(R"({"kind":"select","table":"posts","fields":[{"key":"t","expr":{"col":["posts","title"]}},{"key":"n","expr":{"col":["users","name"]}}],
      "joins":[{"type":"left","table":"users","on":{"op":"and","args":[
        {"op":"eq","left":{"col":["posts","authorId"]},"right":{"col":["users","id"]}},
        {"op":"eq","left":{"col":["users","isActive"]},"right":{"param":0}}]}}]})",
    {R"(select "posts"."title", "users"."name" from "posts" left join "users" on ("posts"."author_id" = "users"."id" and "users"."is_active" = $1))",
     "0:boolean"},
    {sqlite_rows(R"('t', "posts"."title", 'n', "users"."name")",
                 R"(from "posts" left join "users" on ("posts"."author_id" = "users"."id" and "users"."is_active" = ?))"),
     "0:boolean"});
}

}  // namespace
}  // namespace sluice::testing
