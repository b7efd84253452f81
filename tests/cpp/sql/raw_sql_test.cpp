// sql`...` fragments in every place an expression goes, and db.execute's raw statements: the
// core binds their values, qualifies their columns and quotes their tables and identifiers.
#include <gtest/gtest.h>

#include "golden.h"

namespace sluice::testing {
namespace {

const std::string id_above =
    R"({"sql":[{"col":["users","id"]}," > ",{"param":0}]})";

TEST(RawSql, FieldsWhereOrderAndGroup) {
  expect_sql(R"~({"kind":"select","table":"users",
      "fields":[{"key":"lower","expr":{"sql":["lower(",{"col":["users","name"]},")"]}},
                {"key":"n","expr":{"sql":["count(*)"],"mapWith":"string"}}],
      "where":{"op":"and","args":[)~" + id_above + R"~(,{"sql":[{"col":["users","name"]}," is null or ",{"col":["users","name"]}," <> ",{"param":1}]}]},
      "groupBy":[{"sql":["lower(",{"col":["users","name"]},")"]}],
      "orderBy":[{"expr":{"sql":["lower(",{"col":["users","name"]},") desc nulls last"]}}]})~",
    {R"(select to_json(lower("name")), count(*) from "users" where (("users"."id" > $1) and ("users"."name" is null or "users"."name" <> $2)) group by lower("users"."name") order by lower("users"."name") desc nulls last)",
     "0:any, 1:any"},
    {sqlite_rows(R"('lower', (lower("name")), 'n', )" + sqlite_numeric("(count(*))"),
                 R"(from "users" where (("users"."id" > ?) and ("users"."name" is null or "users"."name" <> ?)) group by lower("users"."name") order by lower("users"."name") desc nulls last)"),
     "0:any, 1:any"});
}

TEST(RawSql, ComparedFragmentsTakeTheirMappedType) {
  expect_sql(R"~({"kind":"count","table":"posts","where":{"op":"gt","left":{"sql":["length(",{"col":["posts","title"]},")"],"mapWith":"number"},"right":{"param":0}}})~",
    {R"(select count(*) from "posts" where (length("posts"."title")) > $1)", "0:any"},
    {R"(select count(*) from "posts" where (length("posts"."title")) > ?)", "0:any"});
}

TEST(RawSql, UpdateSetFromTheRowItself) {
  expect_sql(R"({"kind":"update","table":"posts","set":{"title":{"sql":[{"col":["posts","title"]}," || ",{"param":0}]}},
      "where":{"op":"eq","left":{"col":["posts","id"]},"right":{"param":1}}})",
    {R"(update "posts" set "title" = "posts"."title" || $1 where "posts"."id" = $2)", "0:any, 1:integer"},
    {R"(update "posts" set "title" = "posts"."title" || ? where "posts"."id" = ?)", "0:any, 1:integer"});
}

TEST(RawSql, ExecuteQuotesTablesAndIdentifiers) {
  expect_sql(R"({"kind":"execute","sql":{"sql":["select ",{"col":["users","name"]}," as ",{"ident":"odd\"name"}," from ",{"table":"users"}," where ",{"col":["users","id"]}," = ",{"param":0}]}})",
    {R"(select "users"."name" as "odd""name" from "users" where "users"."id" = $1)", "0:any"},
    {R"(select "users"."name" as "odd""name" from "users" where "users"."id" = ?)", "0:any"});
}

TEST(RawSql, RefusalsNameThePart) {
  expect_error(R"({"kind":"execute","sql":{"sql":["select * from ",{"table":"people"}]}})",
               error_code::unknown_table, {"sql", "sql", "1", "table"});
  expect_error(R"({"kind":"execute","sql":{"op":"and","args":[]}})", error_code::invalid_document, {"sql"});
  expect_error(R"({"kind":"execute","sql":{"sql":["select 1"]},"table":"users"})", error_code::invalid_document,
               {"table"});
  expect_error(R"({"kind":"select","table":"users","fields":[{"key":"n","expr":{"sql":["1"],"mapWith":"date"}}]})",
               error_code::invalid_document, {"fields", "0", "expr", "mapWith"});
  expect_error(R"({"kind":"select","table":"users","fields":[{"key":"n","expr":{"sql":["1"],"mapWith":{"col":["users","age"]}}}]})",
               error_code::unknown_column, {"fields", "0", "expr", "mapWith", "col"});
  expect_error(R"({"kind":"select","table":"users","fields":[{"key":"n","expr":{"sql":[{"ident":""}]}}]})",
               error_code::invalid_document, {"fields", "0", "expr", "sql", "0", "ident"});
}

}  // namespace
}  // namespace sluice::testing
