// The decode plan the compiler fills, and the JSON answer that crosses to JS.
#include "sql/compiled_json.h"

#include <gtest/gtest.h>

#include "golden.h"

namespace sluice::testing {
namespace {

using decode::field_kind;
using decode::result_shape;
using decode::value_type;

sql::compiled must_compile(sql::dialect_id d, std::string_view spec) {
  auto c = compile_for(d, spec);
  EXPECT_TRUE(c.ok()) << (c.ok() ? "" : error_to_json(c.err()));
  return c.ok() ? std::move(c.value()) : sql::compiled{};
}

TEST(CompiledJson, SelectAnswer) {
  const auto c = must_compile(sql::dialect_id::postgres,
                              R"({"kind":"select","table":"users","fields":[{"key":"id","expr":{"col":["users","id"]}},
                                  {"key":"joined","expr":{"col":["users","createdAt"]}}],"limit":{"param":0}})");
  EXPECT_EQ(sql::compiled_to_json(c, 7),
            R"({"plan":7,"result":"rows","timestampKeys":["joined"],"statements":[{"sql":"select \"id\", \"created_at\" from \"users\" limit $1","params":[{"ref":0,"type":"integer"}],"returns":"rows"}]})");
}

TEST(CompiledJson, CatalogConstantsAreValues) {
  const auto c = must_compile(sql::dialect_id::sqlite,
                              R"({"kind":"insert","table":"users","rows":[{"email":{"param":0},"name":{"param":1}}]})");
  const std::string json = sql::compiled_to_json(c, 1);
  EXPECT_NE(json.find(R"("result":"none")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("params":[{"ref":0,"type":"text"},{"ref":1,"type":"text"},{"value":"viewer","type":"text"},{"value":true,"type":"boolean"}])"),
            std::string::npos)
      << json;
}

TEST(CompiledJson, SplitInsertListsEveryStatement) {
  // Four parameters a row on SQLite (role and isActive defaults are bound): 25 rows fit in one.
  std::string rows;
  for (int r = 0; r < 26; ++r) rows += std::string(r ? "," : "") + R"({"email":{"param":0},"name":{"param":1}})";
  const auto c = must_compile(sql::dialect_id::sqlite, R"({"kind":"insert","table":"users","rows":[)" + rows + "]}");
  ASSERT_EQ(c.statements.size(), 2u);
  EXPECT_EQ(c.statements[0].params.size(), 100u);
  EXPECT_EQ(c.statements[1].params.size(), 4u);
  const std::string json = sql::compiled_to_json(c, 3);
  EXPECT_NE(json.find(R"(],"returns":"none"},{"sql":"insert into \"users\")"), std::string::npos) << json;
}

TEST(CompiledJson, FindFirstPlanNestsRelations) {
  const auto c = must_compile(sql::dialect_id::sqlite,
                              R"({"kind":"findFirst","table":"posts","columns":["title","createdAt"],
                                  "with":[{"key":"author","columns":["name","updatedAt"],"with":[{"key":"posts","columns":["id","createdAt"]}]}]})");
  EXPECT_EQ(c.plan.shape, result_shape::first);
  ASSERT_EQ(c.plan.fields.size(), 3u);
  EXPECT_EQ(c.plan.fields[0].key, "title");
  EXPECT_EQ(c.plan.fields[0].type, value_type::text);
  EXPECT_EQ(c.plan.fields[1].type, value_type::timestamp);
  const auto& author = c.plan.fields[2];
  EXPECT_EQ(author.key, "author");
  EXPECT_EQ(author.kind, field_kind::relation_one);
  ASSERT_EQ(author.children.size(), 3u);
  EXPECT_EQ(author.children[2].kind, field_kind::relation_many);
  EXPECT_EQ(author.children[2].children[0].type, value_type::integer);
  const std::string json = sql::compiled_to_json(c, 2);
  EXPECT_NE(json.find(R"("result":"first","timestampKeys":["createdAt","updatedAt"])"), std::string::npos) << json;
}

TEST(CompiledJson, JoinWithoutProjectionGroupsByTable) {
  const auto c = must_compile(sql::dialect_id::postgres, R"({"kind":"select","table":"users",
      "joins":[{"type":"left","table":"posts","on":{"op":"eq","left":{"col":["posts","authorId"]},"right":{"col":["users","id"]}}}]})");
  ASSERT_EQ(c.plan.fields.size(), 2u);
  EXPECT_EQ(c.plan.fields[0].key, "users");
  EXPECT_EQ(c.plan.fields[0].kind, field_kind::group);
  EXPECT_EQ(c.plan.fields[0].children.size(), 7u);
  EXPECT_EQ(c.plan.fields[1].key, "posts");
  EXPECT_EQ(c.plan.fields[1].children[1].key, "authorId");
  EXPECT_EQ(c.plan.fields[1].children[4].type, value_type::boolean);
}

TEST(CompiledJson, ResultShapes) {
  EXPECT_EQ(must_compile(sql::dialect_id::postgres, R"({"kind":"count","table":"posts"})").plan.shape, result_shape::count);
  EXPECT_EQ(must_compile(sql::dialect_id::postgres, R"({"kind":"delete","table":"posts"})").plan.shape, result_shape::none);
  EXPECT_EQ(must_compile(sql::dialect_id::postgres, R"({"kind":"delete","table":"posts","returning":"all"})").plan.shape,
            result_shape::rows);
  EXPECT_EQ(must_compile(sql::dialect_id::postgres, R"({"kind":"findMany","table":"posts"})").plan.shape, result_shape::rows);
  const auto update = must_compile(sql::dialect_id::sqlite,
                                   R"({"kind":"update","table":"users","set":{"name":{"param":0}},"returning":[
                                       {"key":"active","expr":{"col":["users","isActive"]}},
                                       {"key":"isAdmin","expr":{"op":"eq","left":{"col":["users","role"]},"right":{"param":1}}}]})");
  EXPECT_EQ(update.plan.shape, result_shape::rows);
  ASSERT_EQ(update.plan.fields.size(), 2u);
  EXPECT_EQ(update.plan.fields[0].key, "active");
  EXPECT_EQ(update.plan.fields[1].type, value_type::boolean);
}

// What each statement hands back: the final JSON for SQLite reads, each row's final JSON for
// SQLite writes with returning, rows for the decoder on Postgres.
TEST(CompiledJson, Returns) {
  auto returns = [](sql::dialect_id d, std::string_view spec) {
    const auto c = must_compile(d, spec);
    return c.statements.empty() ? "" : std::string(sql::returns_name(c.statements[0].returns));
  };
  for (std::string_view read : {R"({"kind":"select","table":"posts"})", R"({"kind":"findMany","table":"posts"})",
                                R"({"kind":"findFirst","table":"posts","with":[{"key":"author"}]})"}) {
    EXPECT_EQ(returns(sql::dialect_id::sqlite, read), "json") << read;
    EXPECT_EQ(returns(sql::dialect_id::postgres, read), "rows") << read;
  }
  for (std::string_view write :
       {R"({"kind":"delete","table":"posts","returning":"all"})",
        R"({"kind":"update","table":"posts","set":{"title":{"param":0}},"returning":[{"key":"id","expr":{"col":["posts","id"]}}]})",
        R"({"kind":"insert","table":"posts","rows":[{"authorId":{"param":0},"title":{"param":1},"body":{"param":1}}],"returning":"all"})"}) {
    EXPECT_EQ(returns(sql::dialect_id::sqlite, write), "json_rows") << write;
    EXPECT_EQ(returns(sql::dialect_id::postgres, write), "rows") << write;
  }
  for (auto d : {sql::dialect_id::sqlite, sql::dialect_id::postgres}) {
    EXPECT_EQ(returns(d, R"({"kind":"count","table":"posts"})"), "rows");
    EXPECT_EQ(returns(d, R"({"kind":"delete","table":"posts"})"), "none");
    EXPECT_EQ(returns(d, R"({"kind":"update","table":"posts","set":{"title":{"param":0}}})"), "none");
  }
}

}  // namespace
}  // namespace sluice::testing
