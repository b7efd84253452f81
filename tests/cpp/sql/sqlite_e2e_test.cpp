// Compiled statements executed on a real SQLite: the one-cell JSON result, json() re-reading
// of json columns and relation subqueries, database-side defaults, the split insert.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include "feature_schema.h"
#include "golden.h"
#include "sqlite_db.h"

namespace sluice::testing {
namespace {

using rows = std::vector<std::vector<std::string>>;

class SqliteEndToEnd : public ::testing::Test {
 protected:
  rows run(std::string_view spec, const std::vector<sql_value>& values,
           const schema::catalog& cat = tutorial_catalog()) {
    auto compiled = compile_for(sql::dialect_id::sqlite, spec, cat);
    EXPECT_TRUE(compiled.ok()) << (compiled.ok() ? "" : error_to_json(compiled.err()));
    if (!compiled.ok()) return {};
    sqlite_db& db = cat_db(cat);
    rows out;
    for (const auto& s : compiled.value().statements)
      for (auto& row : db.run(s, values)) out.push_back(std::move(row));
    return out;
  }
  // The single JSON text cell a wrapped select returns.
  std::string json(std::string_view spec, const std::vector<sql_value>& values = {},
                   const schema::catalog& cat = tutorial_catalog()) {
    rows r = run(spec, values, cat);
    EXPECT_EQ(r.size(), 1u);
    EXPECT_EQ(r.empty() ? 0 : r[0].size(), 1u);
    return r.empty() || r[0].empty() ? "" : r[0][0];
  }
  void seed_tutorial() {
    run(R"({"kind":"insert","table":"users","rows":[{"email":{"param":0},"name":{"param":1},"role":{"param":2}},
        {"email":{"param":3},"name":{"param":4},"isActive":{"param":5}}]})",
        {"alice@example.com", "Alice", "admin", "bob@example.com", "Bob", int64_t{0}});
    run(R"({"kind":"insert","table":"posts","rows":[
        {"authorId":{"param":0},"title":{"param":1},"body":{"param":2},"published":{"param":3},"createdAt":{"param":4}},
        {"authorId":{"param":0},"title":{"param":5},"body":{"param":2},"createdAt":{"param":6}},
        {"authorId":{"param":0},"title":{"param":7},"body":{"param":2},"published":{"param":3},"createdAt":{"param":8}}]})",
        {int64_t{1}, "Hello", "text", int64_t{1}, int64_t{1704103200000}, "Draft", int64_t{1704189600000}, "Again",
         int64_t{1704276000000}});
  }

 private:
  sqlite_db& cat_db(const schema::catalog& cat) {
    auto& slot = &cat == &tutorial_catalog() ? tutorial_ : feature_;
    if (!slot) slot = std::make_unique<sqlite_db>(cat);
    return *slot;
  }
  std::unique_ptr<sqlite_db> tutorial_;
  std::unique_ptr<sqlite_db> feature_;
};

TEST_F(SqliteEndToEnd, InsertReturningFillsDefaults) {
  const rows inserted = run(R"({"kind":"insert","table":"users","rows":[{"email":{"param":0},"name":{"param":1}}],
      "returning":[{"key":"id","expr":{"col":["users","id"]}},{"key":"role","expr":{"col":["users","role"]}},
                   {"key":"isActive","expr":{"col":["users","isActive"]}},{"key":"createdAt","expr":{"col":["users","createdAt"]}}]})",
                            {"carol@example.com", "Carol"});
  ASSERT_EQ(inserted.size(), 1u);
  EXPECT_EQ(inserted[0][0], "1");
  EXPECT_EQ(inserted[0][1], "viewer");
  EXPECT_EQ(inserted[0][2], "1");
  const int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch()).count();
  EXPECT_NEAR(static_cast<double>(std::stoll(inserted[0][3])), static_cast<double>(now_ms), 60000.0);
}

TEST_F(SqliteEndToEnd, SelectReturnsOneJsonCell) {
  seed_tutorial();
  EXPECT_EQ(json(R"({"kind":"select","table":"users","fields":[{"key":"id","expr":{"col":["users","id"]}},
      {"key":"name","expr":{"col":["users","name"]}},{"key":"isActive","expr":{"col":["users","isActive"]}}],
      "orderBy":[{"expr":{"col":["users","id"]},"dir":"desc"}]})"),
            R"([[2,"Bob",0],[1,"Alice",1]])");
  EXPECT_EQ(json(R"({"kind":"select","table":"users","where":{"op":"inArray","left":{"col":["users","id"]},"right":[]}})"), "[]");
  EXPECT_EQ(json(R"({"kind":"select","table":"posts","fields":[{"key":"id","expr":{"col":["posts","id"]}}],
      "orderBy":[{"expr":{"col":["posts","id"]}}],"offset":{"param":0}})", {int64_t{1}}),
            "[[2],[3]]");
  EXPECT_EQ(json(R"({"kind":"select","table":"users","fields":[{"key":"id","expr":{"col":["users","id"]}}],
      "where":{"op":"ilike","left":{"col":["users","name"]},"right":{"param":0}}})", {"ALI%"}),
            "[[1]]");
}

TEST_F(SqliteEndToEnd, LeftJoinRowsCarryNullsForMissingMatches) {
  seed_tutorial();
  EXPECT_EQ(json(R"({"kind":"select","table":"users","fields":[{"key":"name","expr":{"col":["users","name"]}},
      {"key":"title","expr":{"col":["posts","title"]}}],
      "joins":[{"type":"left","table":"posts","on":{"op":"and","args":[{"op":"eq","left":{"col":["posts","authorId"]},"right":{"col":["users","id"]}},
               {"op":"eq","left":{"col":["posts","published"]},"right":{"param":0}}]}}],
      "orderBy":[{"expr":{"col":["users","id"]}},{"expr":{"col":["posts","id"]}}]})", {int64_t{1}}),
            R"([["Alice","Hello"],["Alice","Again"],["Bob",null]])");
}

TEST_F(SqliteEndToEnd, RelationsNestAsJsonNotAsStrings) {
  seed_tutorial();
  EXPECT_EQ(json(R"({"kind":"findMany","table":"users","columns":["id","name"],"orderBy":[{"expr":{"col":["users","id"]}}],
      "with":[{"key":"posts","columns":["title","published","createdAt"],
               "where":{"op":"eq","left":{"col":["posts","published"]},"right":{"param":0}},
               "orderBy":[{"expr":{"col":["posts","createdAt"]},"dir":"desc"}],"limit":{"param":1},
               "with":[{"key":"author","columns":["email"]}]}]})", {int64_t{1}, int64_t{5}}),
            R"([[1,"Alice",[["Again",1,1704276000000,["alice@example.com"]],["Hello",1,1704103200000,["alice@example.com"]]]],[2,"Bob",[]]])");
  EXPECT_EQ(json(R"({"kind":"findFirst","table":"posts","columns":["title"],"where":{"op":"eq","left":{"col":["posts","title"]},"right":{"param":0}},
      "with":[{"key":"author","columns":["name"]}]})", {"Draft"}),
            R"([["Draft",["Alice"]]])");
  EXPECT_EQ(json(R"({"kind":"findFirst","table":"posts","where":{"op":"eq","left":{"col":["posts","title"]},"right":{"param":0}}})", {"none"}),
            "[]");
}

TEST_F(SqliteEndToEnd, CountAndWritesAreNotWrapped) {
  seed_tutorial();
  EXPECT_EQ(run(R"({"kind":"count","table":"posts","where":{"op":"eq","left":{"col":["posts","published"]},"right":{"param":0}}})",
                {int64_t{1}}),
            (rows{{"2"}}));
  EXPECT_EQ(run(R"({"kind":"update","table":"users","set":{"name":{"param":0}},"where":{"op":"eq","left":{"col":["users","id"]},"right":{"param":1}},
      "returning":[{"key":"name","expr":{"col":["users","name"]}}]})", {"Bobby", int64_t{2}}),
            (rows{{"Bobby"}}));
  EXPECT_EQ(run(R"({"kind":"delete","table":"users","where":{"op":"eq","left":{"col":["users","id"]},"right":{"param":0}},
      "returning":[{"key":"id","expr":{"col":["users","id"]}}]})", {int64_t{1}}),
            (rows{{"1"}}));
  // The posts went with their author (on delete cascade).
  EXPECT_EQ(run(R"({"kind":"count","table":"posts"})", {}), (rows{{"0"}}));
}

TEST_F(SqliteEndToEnd, OnConflictUpdatesTheExistingRow) {
  seed_tutorial();
  EXPECT_EQ(run(R"({"kind":"insert","table":"users","rows":[{"email":{"param":0},"name":{"param":1}}],
      "onConflict":{"action":"update","target":["email"],"set":{"name":{"param":1}}},
      "returning":[{"key":"id","expr":{"col":["users","id"]}},{"key":"name","expr":{"col":["users","name"]}}]})",
                {"bob@example.com", "Robert"}),
            (rows{{"2", "Robert"}}));
  EXPECT_EQ(run(R"({"kind":"insert","table":"users","rows":[{"email":{"param":0},"name":{"param":1}}],
      "onConflict":{"action":"nothing","target":["email"]},"returning":"all"})", {"bob@example.com", "Again"}),
            rows{});
}

TEST_F(SqliteEndToEnd, SplitInsertRunsEveryChunk) {
  seed_tutorial();
  std::string rows_json;
  for (int r = 0; r < 60; ++r) rows_json += std::string(r ? "," : "") + R"({"authorId":{"param":0},"title":{"param":1},"body":{"param":1}})";
  const rows ids = run(R"({"kind":"insert","table":"posts","rows":[)" + rows_json +
                           R"(],"returning":[{"key":"id","expr":{"col":["posts","id"]}}]})",
                       {int64_t{2}, "bulk"});
  EXPECT_EQ(ids.size(), 60u);
  EXPECT_EQ(run(R"({"kind":"count","table":"posts","where":{"op":"eq","left":{"col":["posts","authorId"]},"right":{"param":0}}})",
                {int64_t{2}}),
            (rows{{"60"}}));
}

TEST_F(SqliteEndToEnd, JsonColumnsEmbedAndUuidsAreVersionFour) {
  const rows org = run(R"({"kind":"insert","table":"orgs","rows":[{"name":{"param":0},"slug":{"param":1}}],
      "returning":[{"key":"id","expr":{"col":["orgs","id"]}}]})", {"Acme", "acme"}, feature_catalog());
  ASSERT_EQ(org.size(), 1u);
  const std::string id = org[0][0];
  ASSERT_EQ(id.size(), 36u) << id;
  for (size_t dash : {8u, 13u, 18u, 23u}) EXPECT_EQ(id[dash], '-') << id;
  EXPECT_EQ(id[14], '4') << id;
  EXPECT_NE(std::string("89ab").find(id[19]), std::string::npos) << id;
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef-"), std::string::npos) << id;

  run(R"({"kind":"insert","table":"members","rows":[{"orgId":{"param":0},"userId":{"param":1},"meta":{"param":2}}]})",
      {id, int64_t{7}, R"({"tags":["a","b"]})"}, feature_catalog());
  EXPECT_EQ(json(R"({"kind":"select","table":"members","fields":[{"key":"meta","expr":{"col":["members","meta"]}},
      {"key":"status","expr":{"col":["members","status"]}},{"key":"score","expr":{"col":["members","score"]}}]})", {}, feature_catalog()),
            R"([[{"tags":["a","b"]},"won't",1.5]])");
  EXPECT_EQ(json(R"({"kind":"findMany","table":"orgs","columns":["settings","active"],
      "with":[{"key":"members","columns":["meta","userId"],"with":[{"key":"org","columns":["name","settings"]}]}]})", {}, feature_catalog()),
            R"([[{"theme":"dark"},1,[[{"tags":["a","b"]},7,["Acme",{"theme":"dark"}]]]]])");
}

}  // namespace
}  // namespace sluice::testing
