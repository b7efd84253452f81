// CTEs: `with "name" as (select ...)` before the statement, read like a table by name.
// Postgres and SQLite side by side.
#include <gtest/gtest.h>

#include "golden.h"

namespace sluice::testing {
namespace {

TEST(CompileCte, SelectFromACte) {
  expect_sql(R"({"kind":"select",
      "with":[{"as":"authors","query":{"table":"posts","fields":[{"key":"authorId","expr":{"col":["posts","authorId"]}},{"key":"n","expr":{"agg":"count"}}],"groupBy":[{"col":["posts","authorId"]}]}}],
      "table":"users","fields":[{"key":"name","expr":{"col":["users","name"]}},{"key":"n","expr":{"field":["authors","n"]}}],
      "joins":[{"type":"left","cte":"authors","on":{"op":"eq","left":{"field":["authors","authorId"]},"right":{"col":["users","id"]}}}],
      "where":{"op":"gt","left":{"field":["authors","n"]},"right":{"param":0}}})",
    {R"(with "authors" as (select "posts"."author_id" as "authorId", count(*) as "n" from "posts" group by "posts"."author_id") select "users"."name", "authors"."n" from "users" left join "authors" on "authors"."authorId" = "users"."id" where "authors"."n" > $1)",
     "0:integer"},
    {R"(with "authors" as (select "posts"."author_id" as "authorId", count(*) as "n" from "posts" group by "posts"."author_id") select '[' || coalesce(group_concat("r", ','), '') || ']' from (select json_object('name', "users"."name", 'n', "authors"."n") as "r" from "users" left join "authors" on "authors"."authorId" = "users"."id" where "authors"."n" > ?))",
     "0:integer"});
}

TEST(CompileCte, ACteReadsAnEarlierOne) {
  expect_sql(R"({"kind":"select",
      "with":[{"as":"a","query":{"table":"users","fields":[{"key":"id","expr":{"col":["users","id"]}},{"key":"active","expr":{"col":["users","isActive"]}}]}},
              {"as":"b","query":{"from":{"cte":"a"},"where":{"op":"eq","left":{"field":["a","active"]},"right":{"param":0}}}}],
      "from":{"cte":"b"}})",
    {R"(with "a" as (select "users"."id" as "id", "users"."is_active" as "active" from "users"), "b" as (select "a"."id" as "id", "a"."active" as "active" from "a" where "a"."active" = $1) select "b"."id", "b"."active" from "b")",
     "0:boolean"},
    {R"(with "a" as (select "users"."id" as "id", "users"."is_active" as "active" from "users"), "b" as (select "a"."id" as "id", "a"."active" as "active" from "a" where "a"."active" = ?) select '[' || coalesce(group_concat("r", ','), '') || ']' from (select json_object('id', "b"."id", 'active', json(case "b"."active" when 1 then 'true' when 0 then 'false' end)) as "r" from "b"))",
     "0:boolean"});
}

TEST(CompileCte, WritesReadCtes) {
  expect_sql(R"({"kind":"update","table":"posts",
      "with":[{"as":"a","query":{"table":"users","fields":[{"key":"id","expr":{"col":["users","id"]}}],"where":{"op":"eq","left":{"col":["users","isActive"]},"right":{"param":0}}}}],
      "set":{"published":{"param":1}},
      "where":{"op":"inArray","left":{"col":["posts","authorId"]},"right":{"select":{"from":{"cte":"a"}}}}})",
    {R"(with "a" as (select "users"."id" as "id" from "users" where "users"."is_active" = $1) update "posts" set "published" = $2 where "posts"."author_id" in (select "a"."id" as "id" from "a"))",
     "0:boolean, 1:boolean"},
    {R"(with "a" as (select "users"."id" as "id" from "users" where "users"."is_active" = ?) update "posts" set "published" = ? where "posts"."author_id" in (select "a"."id" as "id" from "a"))",
     "0:boolean, 1:boolean"});
  expect_sql(R"({"kind":"delete","table":"posts",
      "with":[{"as":"a","query":{"table":"users","fields":[{"key":"id","expr":{"col":["users","id"]}}]}}],
      "where":{"op":"exists","arg":{"select":{"from":{"cte":"a"},"where":{"op":"eq","left":{"field":["a","id"]},"right":{"col":["posts","authorId"]}}}}}})",
    {R"(with "a" as (select "users"."id" as "id" from "users") delete from "posts" where exists (select "a"."id" as "id" from "a" where "a"."id" = "posts"."author_id"))",
     ""},
    {R"(with "a" as (select "users"."id" as "id" from "users") delete from "posts" where exists (select "a"."id" as "id" from "a" where "a"."id" = "posts"."author_id"))",
     ""});
  expect_sql(R"({"kind":"insert","table":"posts",
      "with":[{"as":"a","query":{"table":"users","fields":[{"key":"id","expr":{"col":["users","id"]}},{"key":"name","expr":{"col":["users","name"]}}]}}],
      "rows":[{"authorId":{"select":{"from":{"cte":"a"},"fields":[{"key":"id","expr":{"field":["a","id"]}}],"limit":{"param":0}}},"title":{"param":1},"body":{"param":2}}]})",
    {R"(with "a" as (select "users"."id" as "id", "users"."name" as "name" from "users") insert into "posts" ("id", "author_id", "title", "body", "published", "created_at") values (default, (select "a"."id" as "id" from "a" limit $1), $2, $3, default, default))",
     "0:integer, 1:text, 2:text"},
    {R"(with "a" as (select "users"."id" as "id", "users"."name" as "name" from "users") insert into "posts" ("id", "author_id", "title", "body", "published", "created_at") values (null, (select "a"."id" as "id" from "a" limit ?), ?, ?, ?, (cast((julianday('now') - 2440587.5) * 86400000 as integer))))",
     "0:integer, 1:text, 2:text, =false:boolean"});
}

TEST(CompileCte, Errors) {
  expect_error(R"({"kind":"select","from":{"cte":"nope"}})", error_code::unknown_table, {"from", "cte"});
  expect_error(R"({"kind":"select","with":[{"as":"a","query":{"table":"users"}},{"as":"a","query":{"table":"users"}}],"from":{"cte":"a"}})",
               error_code::invalid_value, {"with", "1", "as"});
}

}  // namespace
}  // namespace sluice::testing
