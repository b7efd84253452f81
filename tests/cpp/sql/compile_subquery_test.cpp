// Subqueries: as a row source (from, joins), as a value, in inArray and exists; Postgres and
// SQLite side by side. A nested select is plain SQL whose fields are aliased by key; only the
// outermost select converts values (SQLite) or is decoded (Postgres).
#include <gtest/gtest.h>

#include "golden.h"

namespace sluice::testing {
namespace {

TEST(CompileSubquery, SelectEveryFieldOfASubquery) {
  expect_sql(R"({"kind":"select",
      "from":{"as":"sq","query":{"table":"posts","fields":[{"key":"authorId","expr":{"col":["posts","authorId"]}},
                                                          {"key":"published","expr":{"col":["posts","published"]}}],
                                 "where":{"op":"gt","left":{"col":["posts","id"]},"right":{"param":0}}}},
      "where":{"op":"eq","left":{"field":["sq","published"]},"right":{"param":1}}})",
    {R"(select "sq"."authorId", "sq"."published" from (select "posts"."author_id" as "authorId", "posts"."published" as "published" from "posts" where "posts"."id" > $1) "sq" where "sq"."published" = $2)",
     "0:integer, 1:boolean"},
    {R"(select '[' || coalesce(group_concat("r", ','), '') || ']' from (select json_object('authorId', "sq"."authorId", 'published', json(case "sq"."published" when 1 then 'true' when 0 then 'false' end)) as "r" from (select "posts"."author_id" as "authorId", "posts"."published" as "published" from "posts" where "posts"."id" > ?) "sq" where "sq"."published" = ?))",
     "0:integer, 1:boolean"});
}

TEST(CompileSubquery, SubqueryOfEveryColumnSpellsThemOut) {
  expect_sql(R"({"kind":"select","fields":[{"key":"email","expr":{"field":["u","email"]}},{"key":"createdAt","expr":{"field":["u","createdAt"]}}],
      "from":{"as":"u","query":{"table":"users"}}})",
    {R"(select "u"."email", "u"."createdAt" from (select "users"."id" as "id", "users"."email" as "email", "users"."name" as "name", "users"."role" as "role", "users"."is_active" as "isActive", "users"."created_at" as "createdAt", "users"."updated_at" as "updatedAt" from "users") "u")",
     ""},
    {R"(select '[' || coalesce(group_concat("r", ','), '') || ']' from (select json_object('email', "u"."email", 'createdAt', strftime('%Y-%m-%dT%H:%M:%fZ', "u"."createdAt" / 1000.0, 'unixepoch')) as "r" from (select "users"."id" as "id", "users"."email" as "email", "users"."name" as "name", "users"."role" as "role", "users"."is_active" as "isActive", "users"."created_at" as "createdAt", "users"."updated_at" as "updatedAt" from "users") "u"))",
     ""});
}

TEST(CompileSubquery, JoinAGroupedSubquery) {
  expect_sql(R"({"kind":"select","table":"users",
      "fields":[{"key":"name","expr":{"col":["users","name"]}},{"key":"n","expr":{"field":["sq","n"]}}],
      "joins":[{"type":"inner","as":"sq","query":{"table":"posts","fields":[{"key":"authorId","expr":{"col":["posts","authorId"]}},{"key":"n","expr":{"agg":"count"}}],"groupBy":[{"col":["posts","authorId"]}]},
                "on":{"op":"eq","left":{"field":["sq","authorId"]},"right":{"col":["users","id"]}}}],
      "orderBy":[{"expr":{"field":["sq","n"]},"dir":"desc"}]})",
    {R"(select "users"."name", "sq"."n" from "users" inner join (select "posts"."author_id" as "authorId", count(*) as "n" from "posts" group by "posts"."author_id") "sq" on "sq"."authorId" = "users"."id" order by "sq"."n" desc)",
     ""},
    {R"(select '[' || coalesce(group_concat("r", ','), '') || ']' from (select json_object('name', "users"."name", 'n', "sq"."n") as "r" from "users" inner join (select "posts"."author_id" as "authorId", count(*) as "n" from "posts" group by "posts"."author_id") "sq" on "sq"."authorId" = "users"."id" order by "sq"."n" desc))",
     ""});
}

TEST(CompileSubquery, EveryColumnOfALeftJoinedSubqueryIsOneGroup) {
  expect_sql(R"({"kind":"select","table":"users","joins":[{"type":"left","as":"sq","query":{"table":"posts","fields":[{"key":"authorId","expr":{"col":["posts","authorId"]}},{"key":"published","expr":{"col":["posts","published"]}}]},"on":{"op":"eq","left":{"field":["sq","authorId"]},"right":{"col":["users","id"]}}}]})",
    {R"(select "users"."id", "users"."email", "users"."name", "users"."role", "users"."is_active", "users"."created_at", "users"."updated_at", "sq"."authorId", "sq"."published" from "users" left join (select "posts"."author_id" as "authorId", "posts"."published" as "published" from "posts") "sq" on "sq"."authorId" = "users"."id")",
     ""},
    {R"(select '[' || coalesce(group_concat("r", ','), '') || ']' from (select json_object('users', json_object('id', "users"."id", 'email', "users"."email", 'name', "users"."name", 'role', "users"."role", 'isActive', json(case "users"."is_active" when 1 then 'true' when 0 then 'false' end), 'createdAt', strftime('%Y-%m-%dT%H:%M:%fZ', "users"."created_at" / 1000.0, 'unixepoch'), 'updatedAt', strftime('%Y-%m-%dT%H:%M:%fZ', "users"."updated_at" / 1000.0, 'unixepoch')), 'sq', case when "sq"."authorId" is null and "sq"."published" is null then null else json_object('authorId', "sq"."authorId", 'published', json(case "sq"."published" when 1 then 'true' when 0 then 'false' end)) end) as "r" from "users" left join (select "posts"."author_id" as "authorId", "posts"."published" as "published" from "posts") "sq" on "sq"."authorId" = "users"."id"))",
     ""});
}

TEST(CompileSubquery, CountAsAField) {
  expect_sql(R"({"kind":"select","table":"users",
      "fields":[{"key":"id","expr":{"col":["users","id"]}},
                {"key":"posts","expr":{"select":{"table":"posts","fields":[{"key":"count","expr":{"agg":"count"}}],
                                                  "where":{"op":"eq","left":{"col":["posts","authorId"]},"right":{"col":["users","id"]}}}}}]})",
    {R"(select "id", (select count(*) as "count" from "posts" where "posts"."author_id" = "users"."id") from "users")",
     ""},
    {R"(select '[' || coalesce(group_concat("r", ','), '') || ']' from (select json_object('id', "id", 'posts', (select count(*) as "count" from "posts" where "posts"."author_id" = "users"."id")) as "r" from "users"))",
     ""});
}

TEST(CompileSubquery, InArrayAndExists) {
  expect_sql(R"({"kind":"select","table":"users","fields":[{"key":"id","expr":{"col":["users","id"]}}],
      "where":{"op":"and","args":[
        {"op":"inArray","left":{"col":["users","id"]},"right":{"select":{"table":"posts","fields":[{"key":"a","expr":{"col":["posts","authorId"]}}],"where":{"op":"eq","left":{"col":["posts","published"]},"right":{"param":0}}}}},
        {"op":"notExists","arg":{"select":{"table":"posts","where":{"op":"eq","left":{"col":["posts","authorId"]},"right":{"col":["users","id"]}}}}}]}})",
    {R"(select "id" from "users" where ("users"."id" in (select "posts"."author_id" as "a" from "posts" where "posts"."published" = $1) and not exists (select "posts"."id" as "id", "posts"."author_id" as "authorId", "posts"."title" as "title", "posts"."body" as "body", "posts"."published" as "published", "posts"."created_at" as "createdAt" from "posts" where "posts"."author_id" = "users"."id")))",
     "0:boolean"},
    {R"(select '[' || coalesce(group_concat("r", ','), '') || ']' from (select json_object('id', "id") as "r" from "users" where ("users"."id" in (select "posts"."author_id" as "a" from "posts" where "posts"."published" = ?) and not exists (select "posts"."id" as "id", "posts"."author_id" as "authorId", "posts"."title" as "title", "posts"."body" as "body", "posts"."published" as "published", "posts"."created_at" as "createdAt" from "posts" where "posts"."author_id" = "users"."id"))))",
     "0:boolean"});
}

TEST(CompileSubquery, ScalarSubqueryAsAValue) {
  expect_sql(R"({"kind":"delete","table":"posts",
      "where":{"op":"eq","left":{"col":["posts","authorId"]},"right":{"select":{"table":"users","fields":[{"key":"id","expr":{"col":["users","id"]}}],"where":{"op":"eq","left":{"col":["users","email"]},"right":{"param":0}}}}}})",
    {R"(delete from "posts" where "posts"."author_id" = (select "users"."id" as "id" from "users" where "users"."email" = $1))",
     "0:text"},
    {R"(delete from "posts" where "posts"."author_id" = (select "users"."id" as "id" from "users" where "users"."email" = ?))",
     "0:text"});
}

TEST(CompileSubquery, Errors) {
  expect_error(R"({"kind":"select","table":"users","where":{"op":"inArray","left":{"col":["users","id"]},"right":{"select":{"table":"posts"}}}})",
               error_code::invalid_value, {"where", "right"});
  expect_error(R"({"kind":"select","table":"users","fields":[{"key":"x","expr":{"field":["sq","x"]}}]})",
               error_code::unknown_table, {"fields", "0", "expr", "field"});
  expect_error(R"({"kind":"select","from":{"as":"sq","query":{"table":"users"}},"fields":[{"key":"x","expr":{"field":["sq","x"]}}]})",
               error_code::unknown_column, {"fields", "0", "expr", "field"});
  expect_error(R"({"kind":"select","from":{"as":"sq","query":{"table":"users","wher":null}}})",
               error_code::invalid_document, {"from", "query", "wher"});
}

}  // namespace
}  // namespace sluice::testing
