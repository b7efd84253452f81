// Compiled statements executed on a real SQLite: the one-cell final JSON result, a write's
// final JSON object per returned row, json()
// re-reading of json columns and relation subqueries, database-side defaults, the split
// insert, and cells that agree byte for byte with what the decoder writes for the same rows.
#include <gtest/gtest.h>

#include "sql/compiled_json.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include "decode/decode.h"

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
  ASSERT_EQ(inserted[0].size(), 1u);
  const std::string& row = inserted[0][0];
  const std::string head = R"({"id":1,"role":"viewer","isActive":true,"createdAt":")";
  ASSERT_EQ(row.substr(0, head.size()), head) << row;
  ASSERT_EQ(row.size(), head.size() + 26) << row;
  EXPECT_EQ(row.substr(row.size() - 3), "Z\"}") << row;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, ms = 0;
  ASSERT_EQ(std::sscanf(row.c_str() + head.size(), "%4d-%2d-%2dT%2d:%2d:%2d.%3d", &y, &mo, &d, &h, &mi, &sec, &ms), 7) << row;
  using namespace std::chrono;
  const auto day = sys_days{year{y} / month{static_cast<unsigned>(mo)} / d};
  const auto created = day + hours{h} + minutes{mi} + seconds{sec} + milliseconds{ms};
  EXPECT_LT(abs(duration_cast<milliseconds>(system_clock::now() - created).count()), 60000) << row;
}

TEST_F(SqliteEndToEnd, SelectReturnsOneJsonCell) {
  seed_tutorial();
  EXPECT_EQ(json(R"({"kind":"select","table":"users","fields":[{"key":"id","expr":{"col":["users","id"]}},
      {"key":"name","expr":{"col":["users","name"]}},{"key":"isActive","expr":{"col":["users","isActive"]}}],
      "orderBy":[{"expr":{"col":["users","id"]},"dir":"desc"}]})"),
            R"([{"id":2,"name":"Bob","isActive":false},{"id":1,"name":"Alice","isActive":true}])");
  EXPECT_EQ(json(R"({"kind":"select","table":"users","where":{"op":"inArray","left":{"col":["users","id"]},"right":[]}})"), "[]");
  EXPECT_EQ(json(R"({"kind":"select","table":"posts","fields":[{"key":"id","expr":{"col":["posts","id"]}}],
      "orderBy":[{"expr":{"col":["posts","id"]}}],"offset":{"param":0}})", {int64_t{1}}),
            R"([{"id":2},{"id":3}])");
  EXPECT_EQ(json(R"({"kind":"select","table":"users","fields":[{"key":"id","expr":{"col":["users","id"]}}],
      "where":{"op":"ilike","left":{"col":["users","name"]},"right":{"param":0}}})", {"ALI%"}),
            R"([{"id":1}])");
}

TEST_F(SqliteEndToEnd, LeftJoinRowsCarryNullsForMissingMatches) {
  seed_tutorial();
  EXPECT_EQ(json(R"({"kind":"select","table":"users","fields":[{"key":"name","expr":{"col":["users","name"]}},
      {"key":"title","expr":{"col":["posts","title"]}}],
      "joins":[{"type":"left","table":"posts","on":{"op":"and","args":[{"op":"eq","left":{"col":["posts","authorId"]},"right":{"col":["users","id"]}},
               {"op":"eq","left":{"col":["posts","published"]},"right":{"param":0}}]}}],
      "orderBy":[{"expr":{"col":["users","id"]}},{"expr":{"col":["posts","id"]}}]})", {int64_t{1}}),
            R"([{"name":"Alice","title":"Hello"},{"name":"Alice","title":"Again"},{"name":"Bob","title":null}])");
}

TEST_F(SqliteEndToEnd, RelationsNestAsJsonNotAsStrings) {
  seed_tutorial();
  EXPECT_EQ(json(R"({"kind":"findMany","table":"users","columns":["id","name"],"orderBy":[{"expr":{"col":["users","id"]}}],
      "with":[{"key":"posts","columns":["title","published","createdAt"],
               "where":{"op":"eq","left":{"col":["posts","published"]},"right":{"param":0}},
               "orderBy":[{"expr":{"col":["posts","createdAt"]},"dir":"desc"}],"limit":{"param":1},
               "with":[{"key":"author","columns":["email"]}]}]})", {int64_t{1}, int64_t{5}}),
            R"([{"id":1,"name":"Alice","posts":[{"title":"Again","published":true,"createdAt":"2024-01-03T10:00:00.000Z","author":{"email":"alice@example.com"}},)"
            R"({"title":"Hello","published":true,"createdAt":"2024-01-01T10:00:00.000Z","author":{"email":"alice@example.com"}}]},{"id":2,"name":"Bob","posts":[]}])");
  EXPECT_EQ(json(R"({"kind":"findFirst","table":"posts","columns":["title"],"where":{"op":"eq","left":{"col":["posts","title"]},"right":{"param":0}},
      "with":[{"key":"author","columns":["name"]}]})", {"Draft"}),
            R"({"title":"Draft","author":{"name":"Alice"}})");
  EXPECT_EQ(json(R"({"kind":"findFirst","table":"posts","where":{"op":"eq","left":{"col":["posts","title"]},"right":{"param":0}}})", {"none"}),
            "null");
}

TEST_F(SqliteEndToEnd, CountIsNotWrappedAndWritesReturnOneObjectPerRow) {
  seed_tutorial();
  EXPECT_EQ(run(R"({"kind":"count","table":"posts","where":{"op":"eq","left":{"col":["posts","published"]},"right":{"param":0}}})",
                {int64_t{1}}),
            (rows{{"2"}}));
  EXPECT_EQ(run(R"({"kind":"update","table":"users","set":{"name":{"param":0}},"where":{"op":"eq","left":{"col":["users","id"]},"right":{"param":1}},
      "returning":[{"key":"name","expr":{"col":["users","name"]}}]})", {"Bobby", int64_t{2}}),
            (rows{{R"({"name":"Bobby"})"}}));
  EXPECT_EQ(run(R"({"kind":"delete","table":"users","where":{"op":"eq","left":{"col":["users","id"]},"right":{"param":0}},
      "returning":[{"key":"id","expr":{"col":["users","id"]}}]})", {int64_t{1}}),
            (rows{{R"({"id":1})"}}));
  // The posts went with their author (on delete cascade).
  EXPECT_EQ(run(R"({"kind":"count","table":"posts"})", {}), (rows{{"0"}}));
}

TEST_F(SqliteEndToEnd, OnConflictUpdatesTheExistingRow) {
  seed_tutorial();
  EXPECT_EQ(run(R"({"kind":"insert","table":"users","rows":[{"email":{"param":0},"name":{"param":1}}],
      "onConflict":{"action":"update","target":["email"],"set":{"name":{"param":1}}},
      "returning":[{"key":"id","expr":{"col":["users","id"]}},{"key":"name","expr":{"col":["users","name"]}}]})",
                {"bob@example.com", "Robert"}),
            (rows{{R"({"id":2,"name":"Robert"})"}}));
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
  ASSERT_EQ(ids.size(), 60u);
  EXPECT_EQ(ids.front(), (std::vector<std::string>{R"({"id":4})"}));
  EXPECT_EQ(ids.back(), (std::vector<std::string>{R"({"id":63})"}));
  EXPECT_EQ(run(R"({"kind":"count","table":"posts","where":{"op":"eq","left":{"col":["posts","authorId"]},"right":{"param":0}}})",
                {int64_t{2}}),
            (rows{{"60"}}));
}

TEST_F(SqliteEndToEnd, JsonColumnsEmbedAndUuidsAreVersionFour) {
  const rows org = run(R"({"kind":"insert","table":"orgs","rows":[{"name":{"param":0},"slug":{"param":1}}],
      "returning":[{"key":"id","expr":{"col":["orgs","id"]}}]})", {"Acme", "acme"}, feature_catalog());
  ASSERT_EQ(org.size(), 1u);
  ASSERT_EQ(org[0][0].substr(0, 7), R"({"id":")") << org[0][0];
  ASSERT_EQ(org[0][0].size(), 7u + 36 + 2) << org[0][0];
  const std::string id = org[0][0].substr(7, 36);
  ASSERT_EQ(id.size(), 36u) << id;
  for (size_t dash : {8u, 13u, 18u, 23u}) EXPECT_EQ(id[dash], '-') << id;
  EXPECT_EQ(id[14], '4') << id;
  EXPECT_NE(std::string("89ab").find(id[19]), std::string::npos) << id;
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef-"), std::string::npos) << id;

  run(R"({"kind":"insert","table":"members","rows":[{"orgId":{"param":0},"userId":{"param":1},"meta":{"param":2}}]})",
      {id, int64_t{7}, R"({"tags":["a","b"]})"}, feature_catalog());
  EXPECT_EQ(json(R"({"kind":"select","table":"members","fields":[{"key":"meta","expr":{"col":["members","meta"]}},
      {"key":"status","expr":{"col":["members","status"]}},{"key":"score","expr":{"col":["members","score"]}}]})", {}, feature_catalog()),
            R"([{"meta":{"tags":["a","b"]},"status":"won't","score":1.5}])");
  EXPECT_EQ(json(R"({"kind":"findMany","table":"orgs","columns":["settings","active"],
      "with":[{"key":"members","columns":["meta","userId"],"with":[{"key":"org","columns":["name","settings"]}]}]})", {}, feature_catalog()),
            R"([{"settings":{"theme":"dark"},"active":true,"members":[{"meta":{"tags":["a","b"]},"userId":7,"org":{"name":"Acme","settings":{"theme":"dark"}}}]}])");
}

// The final JSON a SQLite read builds must be what the decoder writes for the same rows read
// raw (`raw_rows_sql`: the JSON array of row arrays D1 used to hand the decoder), once the
// module has written it (format 2) when the plan holds reals.
void expect_decoder_agrees(sqlite_db& db, std::string_view spec, const std::vector<sql_value>& values,
                           const std::string& raw_rows_sql, const schema::catalog& cat) {
  auto compiled = compile_for(sql::dialect_id::sqlite, spec, cat);
  ASSERT_TRUE(compiled.ok()) << error_to_json(compiled.err());
  const auto final_json = db.run(compiled.value().statements[0], values);
  const auto raw = db.run(sql::statement{raw_rows_sql, {}, sql::returns_kind::rows}, {});
  ASSERT_EQ(final_json.size(), 1u);
  ASSERT_EQ(raw.size(), 1u);
  std::string padded = raw[0][0];
  padded.append(64, ' ');
  auto decoded = decode::decode(compiled.value().plan, decode::input_format::rows,
                                std::string_view(padded.data(), raw[0][0].size()));
  ASSERT_TRUE(decoded.ok()) << error_to_json(decoded.err());
  std::string final_text = final_json[0][0];
  if (sql::compiled_to_json(compiled.value(), 0).find(R"("respell":true)") != std::string::npos) {
    std::string padded_final = final_text;
    padded_final.append(64, ' ');
    auto written = decode::decode(compiled.value().plan, decode::input_format::final_json,
                                  std::string_view(padded_final.data(), final_text.size()));
    ASSERT_TRUE(written.ok()) << error_to_json(written.err());
    final_text = written.value();
  }
  EXPECT_EQ(final_text, decoded.value()) << spec;
}

std::string raw_rows(std::string_view cells, std::string_view rest) {
  return "select '[' || coalesce(group_concat(\"r\", ','), '') || ']' from (select json_array(" +
         std::string(cells) + ") as \"r\" " + std::string(rest) + ")";
}

TEST(SqliteFinalJson, EveryColumnTypeMatchesTheDecoder) {
  sqlite_db db(feature_catalog());
  db.exec("insert into orgs (id, name, settings, budget, slug, active, created_at) values "
          "('o1', 'Acme', '{\"theme\": \"dark\", \"n\": [1, 2.5]}', '12.50', 'acme', 1, 1767225661500)");
  // Timestamps across the whole range a JS Date and SQLite both print with four-digit years,
  // before 1970 included; reals whole, fractional, tiny and huge (not the largest: the raw
  // reference below prints it through this SQLite's printf, an ulp off); bigints either side
  // of 2^53.
  std::string values;
  uint64_t seed = 42;
  for (int64_t i = 0; i < 400; ++i) {
    seed = seed * 6364136223846793005u + 1442695040888963407u;
    const int64_t span = 253402300799999 + 62135596800000;
    const int64_t ms = static_cast<int64_t>((seed >> 11) % static_cast<uint64_t>(span)) - 62135596800000;
    static constexpr const char* scores[] = {"100.0", "0.25", "null", "-3.0", "0.1 + 0.2", "1e300", "-1e-7",
                                             "4.9406564584124654e-324", "-0.0", "1e21", "1e-300"};
    const char* score = scores[i % 11];
    const char* user = i == 0 ? "9007199254740993" : i == 1 ? "-9007199254740991" : i == 2 ? "-9223372036854775808" : nullptr;
    values += std::string(i ? ", " : "") + "('o1', " + (user ? user : std::to_string(i)) + ", 'live', " + score +
              ", '[\"x\", {\"y\": null}]', '2026-01-0" + std::to_string(1 + i % 9) + "', " + std::to_string(ms) + ")";
  }
  db.exec("insert into members (org_id, user_id, status, score, meta, joined_on, seen_at) values " + values);
  db.exec("insert into members (org_id, user_id, status, score, meta, joined_on, seen_at) values "
          "('o1', 1000, 'draft', null, null, '2026-02-01', 0), ('o1', 1001, 'draft', null, null, '2026-02-01', -1), "
          "('o1', 1002, 'draft', null, null, '2026-02-01', 253402300799999), ('o1', 1003, 'draft', null, null, '2026-02-01', null)");
  expect_decoder_agrees(db, R"({"kind":"select","table":"members","orderBy":[{"expr":{"col":["members","userId"]}}]})", {},
                        // json_array would keep 15 digits of a real: 17 read back as the same double.
                        raw_rows(R"("org_id", "user_id", "status", iif("score" is null, null, json(printf('%!.17g', "score"))), json("meta"), "joined_on", "seen_at")",
                                 R"(from "members" order by "members"."user_id" asc)"),
                        feature_catalog());
  expect_decoder_agrees(db, R"({"kind":"findMany","table":"orgs","with":[{"key":"members","columns":["userId","seenAt"],"orderBy":[{"expr":{"col":["members","userId"]},"dir":"desc"}],"limit":{"param":0}}]})", {int64_t{3}},
                        raw_rows(R"("orgs"."id", "orgs"."name", json("orgs"."settings"), "orgs"."budget", "orgs"."slug", "orgs"."active", "orgs"."created_at", )"
                                 R"(json((select coalesce(json_group_array(json_array("m"."user_id", "m"."seen_at")), json_array()) from (select * from "members" "m" where "m"."org_id" = "orgs"."id" order by "m"."user_id" desc limit 3) "m")))",
                                 R"(from "orgs" "orgs")"),
                        feature_catalog());
}

// Text SQLite escapes as JSON.stringify does; a left join's missing row is a null group.
TEST(SqliteFinalJson, TextAndJoinGroupsMatchTheDecoder) {
  sqlite_db db(tutorial_catalog());
  db.exec("insert into users (id, email, name, role, is_active, created_at, updated_at) values "
          "(1, 'a@x', 'quote \" back \\ nl ' || char(10) || ' tab ' || char(9) || ' us ' || char(31) || ' del ' || char(127) || "
          "' ls ' || char(8232) || ' emoji ' || char(128512) || ' bs ' || char(8) || ' ff ' || char(12) || ' cr ' || char(13), "
          "'admin', 1, 0, -1), (2, 'b@x', 'Ünïcødé', 'viewer', 0, 1767225661500, 1767225661999)");
  db.exec("insert into posts (id, author_id, title, body, published, created_at) values (1, 1, 't', 'b', 0, 5)");
  expect_decoder_agrees(db, R"({"kind":"select","table":"users","joins":[{"type":"left","table":"posts","on":{"op":"eq","left":{"col":["posts","authorId"]},"right":{"col":["users","id"]}}}],"orderBy":[{"expr":{"col":["users","id"]}}]})", {},
                        raw_rows(R"("users"."id", "users"."email", "users"."name", "users"."role", "users"."is_active", "users"."created_at", "users"."updated_at", )"
                                 R"("posts"."id", "posts"."author_id", "posts"."title", "posts"."body", "posts"."published", "posts"."created_at")",
                                 R"(from "users" left join "posts" on "posts"."author_id" = "users"."id" order by "users"."id" asc)"),
                        tutorial_catalog());
  expect_decoder_agrees(db, R"({"kind":"findFirst","table":"users","where":{"op":"eq","left":{"col":["users","id"]},"right":{"param":0}}})", {int64_t{99}},
                        raw_rows(R"("users"."id")", R"(from "users" where 0)"), tutorial_catalog());

  // A write's returned objects, joined into an array, are what the decoder wrote for its raw
  // returned rows: read those first, then delete the same rows returning every column.
  auto deleted = compile_for(sql::dialect_id::sqlite, R"({"kind":"delete","table":"users","returning":"all"})");
  ASSERT_TRUE(deleted.ok()) << error_to_json(deleted.err());
  const auto raw = db.run(sql::statement{raw_rows(R"("id", "email", "name", "role", "is_active", "created_at", "updated_at")",
                                                  R"(from "users" order by "id")"),
                                         {}, sql::returns_kind::rows},
                          {});
  ASSERT_EQ(raw.size(), 1u);
  std::string padded = raw[0][0];
  padded.append(64, ' ');
  auto decoded = decode::decode(deleted.value().plan, decode::input_format::rows,
                                std::string_view(padded.data(), raw[0][0].size()));
  ASSERT_TRUE(decoded.ok()) << error_to_json(decoded.err());
  std::string joined = "[";
  for (const auto& row : db.run(deleted.value().statements[0], {})) {
    ASSERT_EQ(row.size(), 1u);
    joined += (joined.size() > 1 ? "," : "") + row[0];
  }
  EXPECT_EQ(joined + "]", decoded.value());
}

}  // namespace
}  // namespace sluice::testing
