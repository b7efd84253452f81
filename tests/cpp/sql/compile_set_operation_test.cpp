// Set operations (union, intersect, except, with or without all): the members are plain
// selects combined inside a derived table, whose rows the outer select orders, pages and
// converts. Postgres and SQLite side by side.
#include <gtest/gtest.h>

#include "golden.h"

namespace sluice::testing {
namespace {

TEST(CompileSetOperation, UnionOrderedAndPaged) {
  expect_sql(R"({"kind":"select","table":"users","fields":[{"key":"id","expr":{"col":["users","id"]}},{"key":"name","expr":{"col":["users","name"]}}],
      "where":{"op":"eq","left":{"col":["users","role"]},"right":{"param":0}},
      "setOps":[{"op":"unionAll","query":{"table":"users","fields":[{"key":"id","expr":{"col":["users","id"]}},{"key":"name","expr":{"col":["users","email"]}}]}}],
      "orderBy":[{"expr":{"col":["users","name"]},"dir":"desc"},{"expr":{"col":["users","id"]},"dir":"asc"}],
      "limit":{"param":1},"offset":{"param":2}})",
    {R"(select "id", "name" from (select "users"."id" as "id", "users"."name" as "name" from "users" where "users"."role" = $1 union all select "users"."id" as "id", "users"."email" as "name" from "users") "combined" order by "name" desc, "id" asc limit $2 offset $3)",
     "0:text, 1:integer, 2:integer"},
    {R"(select '[' || coalesce(group_concat("r", ','), '') || ']' from (select json_object('id', "id", 'name', "name") as "r" from (select "users"."id" as "id", "users"."name" as "name" from "users" where "users"."role" = ? union all select "users"."id" as "id", "users"."email" as "name" from "users") "combined" order by "name" desc, "id" asc limit ? offset ?))",
     "0:text, 1:integer, 2:integer"});
}

TEST(CompileSetOperation, EveryOperatorOverEveryColumn) {
  expect_sql(R"({"kind":"select","table":"posts",
      "setOps":[{"op":"union","query":{"table":"posts"}},{"op":"intersect","query":{"table":"posts"}},
                {"op":"except","query":{"table":"posts","where":{"op":"eq","left":{"col":["posts","published"]},"right":{"param":0}}}}]})",
    {R"(select "id", "authorId", "title", "body", "published", "createdAt" from (select "posts"."id" as "id", "posts"."author_id" as "authorId", "posts"."title" as "title", "posts"."body" as "body", "posts"."published" as "published", "posts"."created_at" as "createdAt" from "posts" union select "posts"."id" as "id", "posts"."author_id" as "authorId", "posts"."title" as "title", "posts"."body" as "body", "posts"."published" as "published", "posts"."created_at" as "createdAt" from "posts" intersect select "posts"."id" as "id", "posts"."author_id" as "authorId", "posts"."title" as "title", "posts"."body" as "body", "posts"."published" as "published", "posts"."created_at" as "createdAt" from "posts" except select "posts"."id" as "id", "posts"."author_id" as "authorId", "posts"."title" as "title", "posts"."body" as "body", "posts"."published" as "published", "posts"."created_at" as "createdAt" from "posts" where "posts"."published" = $1) "combined")",
     "0:boolean"},
    {R"(select '[' || coalesce(group_concat("r", ','), '') || ']' from (select json_object('id', "id", 'authorId', "authorId", 'title', "title", 'body', "body", 'published', json(case "published" when 1 then 'true' when 0 then 'false' end), 'createdAt', strftime('%Y-%m-%dT%H:%M:%fZ', "createdAt" / 1000.0, 'unixepoch')) as "r" from (select "posts"."id" as "id", "posts"."author_id" as "authorId", "posts"."title" as "title", "posts"."body" as "body", "posts"."published" as "published", "posts"."created_at" as "createdAt" from "posts" union select "posts"."id" as "id", "posts"."author_id" as "authorId", "posts"."title" as "title", "posts"."body" as "body", "posts"."published" as "published", "posts"."created_at" as "createdAt" from "posts" intersect select "posts"."id" as "id", "posts"."author_id" as "authorId", "posts"."title" as "title", "posts"."body" as "body", "posts"."published" as "published", "posts"."created_at" as "createdAt" from "posts" except select "posts"."id" as "id", "posts"."author_id" as "authorId", "posts"."title" as "title", "posts"."body" as "body", "posts"."published" as "published", "posts"."created_at" as "createdAt" from "posts" where "posts"."published" = ?) "combined"))",
     "0:boolean"});
}

TEST(CompileSetOperation, IntersectAllAndExceptAllArePostgresOnly) {
  for (const char* op : {"intersectAll", "exceptAll"}) {
    const std::string spec = std::string(R"({"kind":"select","table":"users","fields":[{"key":"id","expr":{"col":["users","id"]}}],"setOps":[{"op":")") +
                             op + R"(","query":{"table":"posts","fields":[{"key":"id","expr":{"col":["posts","authorId"]}}]}}]})";
    auto pg = compile_for(sql::dialect_id::postgres, spec);
    ASSERT_TRUE(pg.ok()) << op;
    auto sqlite = compile_for(sql::dialect_id::sqlite, spec);
    ASSERT_FALSE(sqlite.ok()) << op;
    EXPECT_EQ(sqlite.err().code, error_code::unsupported_feature);
  }
}

TEST(CompileSetOperation, MembersMustSelectTheSameFields) {
  expect_error(R"({"kind":"select","table":"users","fields":[{"key":"id","expr":{"col":["users","id"]}}],
      "setOps":[{"op":"union","query":{"table":"posts","fields":[{"key":"postId","expr":{"col":["posts","id"]}}]}}]})",
               error_code::invalid_value, {"setOps", "0", "query", "fields"});
  expect_error(R"({"kind":"select","table":"users","fields":[{"key":"id","expr":{"col":["users","id"]}}],
      "setOps":[{"op":"union","query":{"table":"posts","fields":[{"key":"id","expr":{"col":["posts","id"]}}],"limit":{"param":0}}}]})",
               error_code::invalid_value, {"setOps", "0", "query"});
  expect_error(R"({"kind":"select","table":"users","fields":[{"key":"id","expr":{"col":["users","id"]}}],
      "setOps":[{"op":"union","query":{"table":"users","fields":[{"key":"id","expr":{"col":["users","id"]}}]}}],
      "orderBy":[{"expr":{"col":["users","name"]},"dir":"asc"}]})",
               error_code::invalid_value, {"orderBy", "0"});
}

}  // namespace
}  // namespace sluice::testing
