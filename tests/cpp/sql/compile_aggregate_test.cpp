// Aggregates as fields, group by, having, distinct: Postgres and SQLite side by side.
#include <gtest/gtest.h>

#include "golden.h"

namespace sluice::testing {
namespace {

TEST(CompileAggregate, EveryAggregateWithGroupByAndHaving) {
  expect_sql(R"({"kind":"select","table":"posts",
      "fields":[{"key":"authorId","expr":{"col":["posts","authorId"]}},
                {"key":"posts","expr":{"agg":"count"}},
                {"key":"titled","expr":{"agg":"count","arg":{"col":["posts","title"]}}},
                {"key":"titles","expr":{"agg":"count","arg":{"col":["posts","title"]},"distinct":true}},
                {"key":"idSum","expr":{"agg":"sum","arg":{"col":["posts","id"]}}},
                {"key":"idSumDistinct","expr":{"agg":"sum","arg":{"col":["posts","id"]},"distinct":true}},
                {"key":"idAvg","expr":{"agg":"avg","arg":{"col":["posts","id"]}}},
                {"key":"first","expr":{"agg":"min","arg":{"col":["posts","createdAt"]}}},
                {"key":"lastTitle","expr":{"agg":"max","arg":{"col":["posts","title"]}}}],
      "where":{"op":"isNotNull","arg":{"col":["posts","body"]}},
      "groupBy":[{"col":["posts","authorId"]}],
      "having":{"op":"gt","left":{"agg":"count"},"right":{"param":0}},
      "orderBy":[{"expr":{"agg":"count"},"dir":"desc"}]})",
    {R"(select "author_id", count(*), count("title"), count(distinct "title"), sum("id"), sum(distinct "id"), avg("id"), min("created_at"), max("title") from "posts" where "posts"."body" is not null group by "posts"."author_id" having count(*) > $1 order by count(*) desc)",
     "0:integer"},
    {sqlite_rows(R"('authorId', "author_id", 'posts', count(*), 'titled', count("title"), 'titles', count(distinct "title"), 'idSum', )" +
                     sqlite_numeric(R"(sum("id"))") + ", 'idSumDistinct', " + sqlite_numeric(R"(sum(distinct "id"))") +
                     ", 'idAvg', " + sqlite_numeric(R"(avg("id"))") + ", 'first', " +
                     sqlite_time(R"(min("created_at"))") + R"(, 'lastTitle', max("title"))",
                 R"(from "posts" where "posts"."body" is not null group by "posts"."author_id" having count(*) > ? order by count(*) desc)"),
     "0:integer"});
}

TEST(CompileAggregate, SumAndAvgCompareWithAnyNumber) {
  expect_sql(R"({"kind":"select","table":"posts","fields":[{"key":"authorId","expr":{"col":["posts","authorId"]}}],
      "groupBy":[{"col":["posts","authorId"]}],
      "having":{"op":"gte","left":{"agg":"avg","arg":{"col":["posts","id"]}},"right":{"param":0}}})",
    {R"(select "author_id" from "posts" group by "posts"."author_id" having avg("posts"."id") >= $1)", "0:numeric"},
    {sqlite_rows(R"('authorId', "author_id")", R"(from "posts" group by "posts"."author_id" having avg("posts"."id") >= ?)"),
     "0:numeric"});
}

TEST(CompileAggregate, JoinedAggregatesAreQualified) {
  expect_sql(R"({"kind":"select","table":"users",
      "fields":[{"key":"name","expr":{"col":["users","name"]}},{"key":"posts","expr":{"agg":"count","arg":{"col":["posts","id"]}}}],
      "joins":[{"type":"left","table":"posts","on":{"op":"eq","left":{"col":["posts","authorId"]},"right":{"col":["users","id"]}}}],
      "groupBy":[{"col":["users","id"]}]})",
    {R"(select "users"."name", count("posts"."id") from "users" left join "posts" on "posts"."author_id" = "users"."id" group by "users"."id")", ""},
    {sqlite_rows(R"('name', "users"."name", 'posts', count("posts"."id"))",
                 R"(from "users" left join "posts" on "posts"."author_id" = "users"."id" group by "users"."id")"),
     ""});
}

TEST(CompileAggregate, Distinct) {
  expect_sql(R"({"kind":"select","table":"posts","distinct":true,"fields":[{"key":"authorId","expr":{"col":["posts","authorId"]}}]})",
    {R"(select distinct "author_id" from "posts")", ""},
    {R"(select '[' || coalesce(group_concat("r", ','), '') || ']' from (select distinct json_object('authorId', "author_id") as "r" from "posts"))", ""});
}

TEST(CompileAggregate, DistinctOnIsPostgresOnly) {
  const char* spec = R"({"kind":"select","table":"posts","distinctOn":[{"col":["posts","authorId"]}],
      "fields":[{"key":"authorId","expr":{"col":["posts","authorId"]}},{"key":"title","expr":{"col":["posts","title"]}}],
      "orderBy":[{"expr":{"col":["posts","authorId"]},"dir":"asc"},{"expr":{"col":["posts","createdAt"]},"dir":"desc"}]})";
  auto pg = compile_for(sql::dialect_id::postgres, spec);
  ASSERT_TRUE(pg.ok());
  EXPECT_EQ(pg.value().statements[0].sql,
            R"(select distinct on ("author_id") "author_id", "title" from "posts" order by "posts"."author_id" asc, "posts"."created_at" desc)");
  auto sqlite = compile_for(sql::dialect_id::sqlite, spec);
  ASSERT_FALSE(sqlite.ok());
  EXPECT_EQ(sqlite.err().code, error_code::unsupported_feature);
  EXPECT_EQ(sqlite.err().path, std::vector<std::string>{"distinctOn"});
}

TEST(CompileAggregate, BadAggregatesAreNamed) {
  expect_error(R"({"kind":"select","table":"posts","fields":[{"key":"n","expr":{"agg":"median","arg":{"col":["posts","id"]}}}]})",
               error_code::invalid_document, {"fields", "0", "expr", "agg"});
  expect_error(R"({"kind":"select","table":"posts","fields":[{"key":"n","expr":{"agg":"sum"}}]})",
               error_code::invalid_document, {"fields", "0", "expr"});
  expect_error(R"({"kind":"select","table":"posts","fields":[{"key":"n","expr":{"agg":"max","arg":{"agg":"count"}}}]})",
               error_code::unsupported_feature, {});
  expect_error(R"({"kind":"select","table":"posts","distinct":true,"distinctOn":[{"col":["posts","id"]}]})",
               error_code::invalid_document, {"distinctOn"});
}

}  // namespace
}  // namespace sluice::testing
