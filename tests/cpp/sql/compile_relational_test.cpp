// findMany/findFirst with nested `with`. Postgres attaches relations with lateral joins and
// positional rows, SQLite with json()-wrapped scalar subqueries inside the row's json_object.
#include <gtest/gtest.h>

#include "golden.h"

namespace sluice::testing {
namespace {

const std::string users_cells =
    R"("users"."id", "users"."email", "users"."name", "users"."role", "users"."is_active", "users"."created_at", "users"."updated_at")";
const std::string users_posts_cells =
    R"("users_posts"."id", "users_posts"."author_id", "users_posts"."title", "users_posts"."body", "users_posts"."published", "users_posts"."created_at")";
const std::string posts_cells =
    R"("posts"."id", "posts"."author_id", "posts"."title", "posts"."body", "posts"."published", "posts"."created_at")";

// The SQLite key/value cells of every column, read through `alias`.
std::string users_object_cells(const std::string& alias) {
  const std::string q = "\"" + alias + "\".";
  return "'id', " + q + R"("id", 'email', )" + q + R"("email", 'name', )" + q + R"("name", 'role', )" + q +
         R"("role", 'isActive', )" + sqlite_bool(q + R"("is_active")") + ", 'createdAt', " +
         sqlite_time(q + R"("created_at")") + ", 'updatedAt', " + sqlite_time(q + R"("updated_at")");
}
std::string posts_object_cells(const std::string& alias) {
  const std::string q = "\"" + alias + "\".";
  return "'id', " + q + R"("id", 'authorId', )" + q + R"("author_id", 'title', )" + q + R"("title", 'body', )" + q +
         R"("body", 'published', )" + sqlite_bool(q + R"("published")") + ", 'createdAt', " +
         sqlite_time(q + R"("created_at")");
}

TEST(CompileRelational, FindManyWithFilteredOrderedLimitedPosts) {
  expect_sql(R"({"kind":"findMany","table":"users","where":{"op":"eq","left":{"col":["users","isActive"]},"right":{"param":2}},
      "with":[{"key":"posts","where":{"op":"eq","left":{"col":["posts","published"]},"right":{"param":0}},
               "orderBy":[{"expr":{"col":["posts","createdAt"]},"dir":"desc"}],"limit":{"param":1}}]})",
    {"select " + users_cells + R"(, "users_posts"."data" from "users" "users" left join lateral (select coalesce(json_agg(json_build_array()" +
         users_posts_cells + R"() order by "users_posts"."created_at" desc), '[]'::json) as "data" from (select )" + users_posts_cells +
         R"( from "posts" "users_posts" where ("users_posts"."author_id" = "users"."id" and "users_posts"."published" = $1) order by "users_posts"."created_at" desc limit $2) "users_posts") "users_posts" on true where "users"."is_active" = $3)",
     "0:boolean, 1:integer, 2:boolean"},
    {sqlite_rows(users_object_cells("users") + R"(, 'posts', json((select coalesce(json_group_array(json_object()" +
                     posts_object_cells("users_posts") + R"()), json_array()) as "data" from (select )" + users_posts_cells +
                     R"( from "posts" "users_posts" where ("users_posts"."author_id" = "users"."id" and "users_posts"."published" = ?) order by "users_posts"."created_at" desc limit ?) "users_posts")))",
                 R"(from "users" "users" where "users"."is_active" = ?)"),
     "0:boolean, 1:integer, 2:boolean"});
}

TEST(CompileRelational, ColumnsRootOrderAndUnwrappedRelation) {
  expect_sql(R"({"kind":"findMany","table":"users","columns":["id","email"],
      "where":{"op":"eq","left":{"col":["users","role"]},"right":{"param":0}},
      "orderBy":[{"expr":{"col":["users","id"]},"dir":"asc"}],"limit":{"param":1},
      "with":[{"key":"posts","columns":["id","title"]}]})",
    {R"(select "users"."id", "users"."email", "users_posts"."data" from "users" "users" left join lateral (select coalesce(json_agg(json_build_array("users_posts"."id", "users_posts"."title")), '[]'::json) as "data" from "posts" "users_posts" where "users_posts"."author_id" = "users"."id") "users_posts" on true where "users"."role" = $1 order by "users"."id" asc limit $2)",
     "0:text, 1:integer"},
    {sqlite_rows(R"('id', "users"."id", 'email', "users"."email", 'posts', json((select coalesce(json_group_array(json_object('id', "users_posts"."id", 'title', "users_posts"."title")), json_array()) as "data" from "posts" "users_posts" where "users_posts"."author_id" = "users"."id")))",
                 R"(from "users" "users" where "users"."role" = ? order by "users"."id" asc limit ?)"),
     "0:text, 1:integer"});
}

TEST(CompileRelational, FindFirstUsesALiteralLimit) {
  expect_sql(R"({"kind":"findFirst","table":"users","where":{"op":"eq","left":{"col":["users","id"]},"right":{"param":0}},
      "with":[{"key":"posts"}]})",
    {"select " + users_cells + R"(, "users_posts"."data" from "users" "users" left join lateral (select coalesce(json_agg(json_build_array()" +
         users_posts_cells + R"()), '[]'::json) as "data" from "posts" "users_posts" where "users_posts"."author_id" = "users"."id") "users_posts" on true where "users"."id" = $1 limit 1)",
     "0:integer"},
    {sqlite_first(users_object_cells("users") + R"(, 'posts', json((select coalesce(json_group_array(json_object()" +
                      posts_object_cells("users_posts") +
                      R"()), json_array()) as "data" from "posts" "users_posts" where "users_posts"."author_id" = "users"."id")))",
                  R"(from "users" "users" where "users"."id" = ? limit 1)"),
     "0:integer"});
}

TEST(CompileRelational, FindFirstWithoutRelations) {
  expect_sql(R"({"kind":"findFirst","table":"posts","offset":{"param":0}})",
             {"select " + posts_cells + R"( from "posts" "posts" limit 1 offset $1)", "0:integer"},
             {sqlite_first(posts_object_cells("posts"), R"(from "posts" "posts" limit 1 offset ?)"), "0:integer"});
}

TEST(CompileRelational, OneRelation) {
  expect_sql(R"({"kind":"findFirst","table":"posts","where":{"op":"eq","left":{"col":["posts","title"]},"right":{"param":0}},
      "with":[{"key":"author","columns":["name","email"]}]})",
    {"select " + posts_cells + R"(, "posts_author"."data" from "posts" "posts" left join lateral (select json_build_array("posts_author"."name", "posts_author"."email") as "data" from "users" "posts_author" where "posts_author"."id" = "posts"."author_id" limit 1) "posts_author" on true where "posts"."title" = $1 limit 1)",
     "0:text"},
    {sqlite_first(posts_object_cells("posts") + R"(, 'author', json((select json_object('name', "posts_author"."name", 'email', "posts_author"."email") as "data" from "users" "posts_author" where "posts_author"."id" = "posts"."author_id" limit 1)))",
                  R"(from "posts" "posts" where "posts"."title" = ? limit 1)"),
     "0:text"});
}

// users -> posts (limit, orderBy, columns) -> author: the wrapped posts subquery also selects
// author_id, which the nested author join reads.
TEST(CompileRelational, TwoLevelsDeep) {
  expect_sql(R"({"kind":"findMany","table":"users","columns":["id","name"],"limit":{"param":1},
      "with":[{"key":"posts","columns":["id","title"],"orderBy":[{"expr":{"col":["posts","id"]},"dir":"desc"}],"limit":{"param":0},
               "with":[{"key":"author","columns":["email"]}]}]})",
    {R"(select "users"."id", "users"."name", "users_posts"."data" from "users" "users" left join lateral (select coalesce(json_agg(json_build_array("users_posts"."id", "users_posts"."title", "users_posts_author"."data") order by "users_posts"."id" desc), '[]'::json) as "data" from (select "users_posts"."id", "users_posts"."author_id", "users_posts"."title" from "posts" "users_posts" where "users_posts"."author_id" = "users"."id" order by "users_posts"."id" desc limit $1) "users_posts" left join lateral (select json_build_array("users_posts_author"."email") as "data" from "users" "users_posts_author" where "users_posts_author"."id" = "users_posts"."author_id" limit 1) "users_posts_author" on true) "users_posts" on true limit $2)",
     "0:integer, 1:integer"},
    {sqlite_rows(R"('id', "users"."id", 'name', "users"."name", 'posts', json((select coalesce(json_group_array(json_object('id', "users_posts"."id", 'title', "users_posts"."title", 'author', json((select json_object('email', "users_posts_author"."email") as "data" from "users" "users_posts_author" where "users_posts_author"."id" = "users_posts"."author_id" limit 1)))), json_array()) as "data" from (select "users_posts"."id", "users_posts"."author_id", "users_posts"."title" from "posts" "users_posts" where "users_posts"."author_id" = "users"."id" order by "users_posts"."id" desc limit ?) "users_posts")))",
                 R"(from "users" "users" limit ?)"),
     "0:integer, 1:integer"});
}

// The order inside json_agg reads created_at from the wrapped subquery on Postgres only;
// SQLite aggregates rows already in order and needs just the selected columns.
TEST(CompileRelational, WrappedSubquerySelectsWhatTheAggregateOrdersBy) {
  expect_sql(R"({"kind":"findMany","table":"users","columns":["id"],
      "with":[{"key":"posts","columns":["title"],"orderBy":[{"expr":{"col":["posts","createdAt"]},"dir":"asc"}]}]})",
    {R"(select "users"."id", "users_posts"."data" from "users" "users" left join lateral (select coalesce(json_agg(json_build_array("users_posts"."title") order by "users_posts"."created_at" asc), '[]'::json) as "data" from (select "users_posts"."title", "users_posts"."created_at" from "posts" "users_posts" where "users_posts"."author_id" = "users"."id" order by "users_posts"."created_at" asc) "users_posts") "users_posts" on true)",
     ""},
    {sqlite_rows(R"('id', "users"."id", 'posts', json((select coalesce(json_group_array(json_object('title', "users_posts"."title")), json_array()) as "data" from (select "users_posts"."title" from "posts" "users_posts" where "users_posts"."author_id" = "users"."id" order by "users_posts"."created_at" asc) "users_posts")))",
                 R"(from "users" "users")"),
     ""});
}

// A nested where may read an outer level; a wrapped level then exposes that column too.
// Placeholders follow text order: on SQLite the nested subquery comes before the wrapped FROM.
TEST(CompileRelational, NestedWhereReadsAnOuterLevel) {
  expect_sql(R"({"kind":"findMany","table":"users","columns":["id"],
      "with":[{"key":"posts","columns":["id"],"offset":{"param":0},
               "with":[{"key":"author","columns":["id"],"where":{"op":"eq","left":{"col":["posts","published"]},"right":{"param":1}}}]}]})",
    {R"(select "users"."id", "users_posts"."data" from "users" "users" left join lateral (select coalesce(json_agg(json_build_array("users_posts"."id", "users_posts_author"."data")), '[]'::json) as "data" from (select "users_posts"."id", "users_posts"."author_id", "users_posts"."published" from "posts" "users_posts" where "users_posts"."author_id" = "users"."id" offset $1) "users_posts" left join lateral (select json_build_array("users_posts_author"."id") as "data" from "users" "users_posts_author" where ("users_posts_author"."id" = "users_posts"."author_id" and "users_posts"."published" = $2) limit 1) "users_posts_author" on true) "users_posts" on true)",
     "0:integer, 1:boolean"},
    {sqlite_rows(R"('id', "users"."id", 'posts', json((select coalesce(json_group_array(json_object('id', "users_posts"."id", 'author', json((select json_object('id', "users_posts_author"."id") as "data" from "users" "users_posts_author" where ("users_posts_author"."id" = "users_posts"."author_id" and "users_posts"."published" = ?) limit 1)))), json_array()) as "data" from (select "users_posts"."id", "users_posts"."author_id", "users_posts"."published" from "posts" "users_posts" where "users_posts"."author_id" = "users"."id" limit -1 offset ?) "users_posts")))",
                 R"(from "users" "users")"),
     "1:boolean, 0:integer"});
}

}  // namespace
}  // namespace sluice::testing
