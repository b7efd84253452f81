// insert ... select: the columns are the select's field keys; with an upsert the select sits in
// a derived table with `where true` (SQLite would read `on conflict`'s `on` as a join's).
#include <gtest/gtest.h>

#include "golden.h"

namespace sluice::testing {
namespace {

TEST(CompileInsertSelect, ColumnsAreTheFieldKeys) {
  expect_sql(R"({"kind":"insert","table":"posts",
      "select":{"table":"users","fields":[{"key":"title","expr":{"col":["users","name"]}},{"key":"authorId","expr":{"col":["users","id"]}},{"key":"body","expr":{"col":["users","email"]}}],
                "where":{"op":"eq","left":{"col":["users","isActive"]},"right":{"param":0}}},
      "returning":[{"key":"id","expr":{"col":["posts","id"]}}]})",
    {R"(insert into "posts" ("title", "author_id", "body") select "users"."name" as "title", "users"."id" as "authorId", "users"."email" as "body" from "users" where "users"."is_active" = $1 returning "id")",
     "0:boolean"},
    {R"(insert into "posts" ("title", "author_id", "body") select "users"."name" as "title", "users"."id" as "authorId", "users"."email" as "body" from "users" where "users"."is_active" = ? returning json_object('id', "id"))",
     "0:boolean"});
}

TEST(CompileInsertSelect, WithAnUpsert) {
  expect_sql(R"({"kind":"insert","table":"users",
      "select":{"table":"users","fields":[{"key":"email","expr":{"col":["users","email"]}},{"key":"name","expr":{"col":["users","name"]}}]},
      "onConflict":{"action":"nothing","target":["email"]}})",
    {R"(insert into "users" ("email", "name") select * from (select "users"."email" as "email", "users"."name" as "name" from "users") "rows" where true on conflict ("email") do nothing)",
     ""},
    {R"(insert into "users" ("email", "name") select * from (select "users"."email" as "email", "users"."name" as "name" from "users") "rows" where true on conflict ("email") do nothing)",
     ""});
}

TEST(CompileInsertSelect, Errors) {
  expect_error(R"({"kind":"insert","table":"posts","select":{"table":"users","fields":[{"key":"nope","expr":{"col":["users","id"]}}]}})",
               error_code::unknown_column, {"select", "fields", "0", "key"});
  expect_error(R"({"kind":"insert","table":"posts","select":{"table":"users","fields":[{"key":"authorId","expr":{"col":["users","id"]}}]}})",
               error_code::invalid_value, {"select"});
  expect_error(R"({"kind":"insert","table":"posts","rows":[],"select":{"table":"users"}})",
               error_code::invalid_document, {});
}

}  // namespace
}  // namespace sluice::testing
