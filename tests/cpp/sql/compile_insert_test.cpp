// insert: every column listed, missing values filled per dialect, onConflict, returning, and
// the split over the bound-parameter limit.
#include <gtest/gtest.h>

#include "golden.h"

namespace sluice::testing {
namespace {

const std::string users_insert =
    R"(insert into "users" ("id", "email", "name", "role", "is_active", "created_at", "updated_at") values )";
const std::string posts_insert =
    R"(insert into "posts" ("id", "author_id", "title", "body", "published", "created_at") values )";
const std::string users_returning =
    R"( returning "id", "email", "name", "role", "is_active", "created_at", "updated_at")";
const std::string sqlite_users_returning = sqlite_returning(sqlite_users_cells());
const std::string now_ms = "(cast((julianday('now') - 2440587.5) * 86400000 as integer))";

std::string repeated(const std::string& item, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += (i ? ", " : "") + item;
  return out;
}

TEST(CompileInsert, SingleRowReturningAll) {
  expect_sql(R"({"kind":"insert","table":"users",
      "rows":[{"email":{"param":0},"name":{"param":1},"role":{"param":2}}],"returning":"all"})",
    {users_insert + "(default, $1, $2, $3, default, default, default)" + users_returning,
     "0:text, 1:text, 2:text"},
    {users_insert + "(null, ?, ?, ?, ?, " + now_ms + ", " + now_ms + ")" + sqlite_users_returning,
     "0:text, 1:text, 2:text, =true:boolean"});
}

TEST(CompileInsert, RowsMayNameDifferentColumns) {
  expect_sql(R"({"kind":"insert","table":"users",
      "rows":[{"email":{"param":0},"name":{"param":1},"role":{"param":2}},
              {"email":{"param":3},"name":{"param":4},"isActive":{"param":5}}],
      "returning":[{"key":"id","expr":{"col":["users","id"]}},{"key":"email","expr":{"col":["users","email"]}},
                   {"key":"role","expr":{"col":["users","role"]}}]})",
    {users_insert + "(default, $1, $2, $3, default, default, default), (default, $4, $5, default, $6, default, default)" +
         R"( returning "id", "email", "role")",
     "0:text, 1:text, 2:text, 3:text, 4:text, 5:boolean"},
    {users_insert + "(null, ?, ?, ?, ?, " + now_ms + ", " + now_ms + "), (null, ?, ?, ?, ?, " + now_ms + ", " +
         now_ms + ")" + sqlite_returning(R"('id', "id", 'email', "email", 'role', "role")"),
     R"(0:text, 1:text, 2:text, =true:boolean, 3:text, 4:text, ="viewer":text, 5:boolean)"});
}

TEST(CompileInsert, EveryColumnGiven) {
  expect_sql(R"({"kind":"insert","table":"posts","rows":[{"id":{"param":0},"authorId":{"param":1},
      "title":{"param":2},"body":{"param":3},"published":{"param":4},"createdAt":{"param":5}}]})",
    {posts_insert + "($1, $2, $3, $4, $5, $6)", "0:integer, 1:integer, 2:text, 3:text, 4:boolean, 5:timestamp"},
    {posts_insert + "(?, ?, ?, ?, ?, ?)", "0:integer, 1:integer, 2:text, 3:text, 4:boolean, 5:timestamp"});
}

TEST(CompileInsert, OnConflictDoNothingWithTarget) {
  expect_sql(R"({"kind":"insert","table":"users","rows":[{"email":{"param":0},"name":{"param":1}}],
      "onConflict":{"action":"nothing","target":["email"]},"returning":"all"})",
    {users_insert + R"((default, $1, $2, default, default, default, default) on conflict ("email") do nothing)" +
         users_returning,
     "0:text, 1:text"},
    {users_insert + "(null, ?, ?, ?, ?, " + now_ms + ", " + now_ms + R"() on conflict ("email") do nothing)" +
         sqlite_users_returning,
     R"(0:text, 1:text, ="viewer":text, =true:boolean)"});
}

TEST(CompileInsert, OnConflictDoNothingWithoutTarget) {
  expect_sql(R"({"kind":"insert","table":"users","rows":[{"email":{"param":0},"name":{"param":1}}],
      "onConflict":{"action":"nothing"}})",
    {users_insert + "(default, $1, $2, default, default, default, default) on conflict do nothing",
     "0:text, 1:text"},
    {users_insert + "(null, ?, ?, ?, ?, " + now_ms + ", " + now_ms + ") on conflict do nothing",
     R"(0:text, 1:text, ="viewer":text, =true:boolean)"});
}

TEST(CompileInsert, OnConflictDoUpdate) {
  expect_sql(R"({"kind":"insert","table":"users","rows":[{"email":{"param":0},"name":{"param":1}}],
      "onConflict":{"action":"update","target":["email"],"set":{"name":{"param":2},"updatedAt":{"param":3}}},
      "returning":"all"})",
    {users_insert + R"((default, $1, $2, default, default, default, default) on conflict ("email") do update set "name" = $3, "updated_at" = $4)" +
         users_returning,
     "0:text, 1:text, 2:text, 3:timestamp"},
    {users_insert + "(null, ?, ?, ?, ?, " + now_ms + ", " + now_ms +
         R"() on conflict ("email") do update set "name" = ?, "updated_at" = ?)" + sqlite_users_returning,
     R"(0:text, 1:text, ="viewer":text, =true:boolean, 2:text, 3:timestamp)"});
}

TEST(CompileInsert, OnConflictUpdateMayReadTheExistingRow) {
  expect_sql(R"({"kind":"insert","table":"posts","rows":[{"authorId":{"param":0},"title":{"param":1},"body":{"param":2}}],
      "onConflict":{"action":"update","target":["id"],"set":{"body":{"col":["posts","title"]}}}})",
    {posts_insert + R"((default, $1, $2, $3, default, default) on conflict ("id") do update set "body" = "posts"."title")",
     "0:integer, 1:text, 2:text"},
    {posts_insert + "(null, ?, ?, ?, ?, " + now_ms + R"() on conflict ("id") do update set "body" = "posts"."title")",
     "0:integer, 1:text, 2:text, =false:boolean"});
}

// 30 posts rows bind 90 parameters on Postgres but 120 on SQLite (the published default is
// bound too): SQLite gets a full chunk of 25 rows (100 parameters) and the 5 left over.
TEST(CompileInsert, RowsOverTheParameterLimitAreSplit) {
  std::string rows;
  std::string pg_params;
  std::string sqlite_chunk_params[2];
  for (int r = 0; r < 30; ++r) {
    const int p = r * 3;
    rows += std::string(r ? "," : "") + R"({"authorId":{"param":)" + std::to_string(p) +
            R"(},"title":{"param":)" + std::to_string(p + 1) + R"(},"body":{"param":)" +
            std::to_string(p + 2) + "}}";
    const std::string row_params = std::to_string(p) + ":integer, " + std::to_string(p + 1) +
                                   ":text, " + std::to_string(p + 2) + ":text";
    pg_params += (r ? ", " : "") + row_params;
    std::string& chunk = sqlite_chunk_params[r < 25 ? 0 : 1];
    chunk += (chunk.empty() ? "" : ", ") + row_params + ", =false:boolean";
  }
  std::string pg_rows;
  for (int r = 0; r < 30; ++r)
    pg_rows += std::string(r ? ", " : "") + "(default, $" + std::to_string(r * 3 + 1) + ", $" +
               std::to_string(r * 3 + 2) + ", $" + std::to_string(r * 3 + 3) + ", default, default)";
  const std::string sqlite_row = "(null, ?, ?, ?, ?, " + now_ms + ")";
  expect_statements(R"({"kind":"insert","table":"posts","rows":[)" + rows + R"(],
      "returning":[{"key":"id","expr":{"col":["posts","id"]}}]})",
    {{posts_insert + pg_rows + R"( returning "id")", pg_params}},
    {{posts_insert + repeated(sqlite_row, 25) + R"( returning json_object('id', "id"))", sqlite_chunk_params[0]},
     {posts_insert + repeated(sqlite_row, 5) + R"( returning json_object('id', "id"))", sqlite_chunk_params[1]}});
}

// The onConflict set's parameters repeat in every chunk and count against each one.
TEST(CompileInsert, SplitLeavesRoomForTheConflictClause) {
  std::string rows;
  for (int r = 0; r < 25; ++r)
    rows += std::string(r ? "," : "") + R"({"authorId":{"param":0},"title":{"param":1},"body":{"param":2}})";
  const std::string sqlite_row = "(null, ?, ?, ?, ?, " + now_ms + ")";
  const std::string row_params = "0:integer, 1:text, 2:text, =false:boolean";
  std::string full;
  for (int r = 0; r < 24; ++r) full += (r ? ", " : "") + row_params;
  const std::string tail = R"( on conflict ("id") do update set "title" = ?)";
  std::string pg_rows;
  for (int r = 0; r < 25; ++r)
    pg_rows += std::string(r ? ", " : "") + "(default, $" + std::to_string(r * 3 + 1) + ", $" +
               std::to_string(r * 3 + 2) + ", $" + std::to_string(r * 3 + 3) + ", default, default)";
  std::string pg_params;
  for (int r = 0; r < 25; ++r) pg_params += std::string(r ? ", " : "") + "0:integer, 1:text, 2:text";
  expect_statements(R"({"kind":"insert","table":"posts","rows":[)" + rows +
                        R"(],"onConflict":{"action":"update","target":["id"],"set":{"title":{"param":3}}}})",
                    {{posts_insert + pg_rows + R"( on conflict ("id") do update set "title" = $76)",
                      pg_params + ", 3:text"}},
                    {{posts_insert + repeated(sqlite_row, 24) + tail, full + ", 3:text"},
                     {posts_insert + sqlite_row + tail, row_params + ", 3:text"}});
}

}  // namespace
}  // namespace sluice::testing
