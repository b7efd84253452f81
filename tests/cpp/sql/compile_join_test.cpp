// right, full and cross joins: Postgres and SQLite side by side. A right or full join can leave
// the tables before it without a row, so their groups become nullable too.
#include <gtest/gtest.h>

#include "golden.h"

namespace sluice::testing {
namespace {

const std::string on_author = R"({"op":"eq","left":{"col":["posts","authorId"]},"right":{"col":["users","id"]}})";
const std::string users_object =
    R"(json_object('id', "users"."id", 'email', "users"."email", 'name', "users"."name", 'role', "users"."role", 'isActive', )" +
    sqlite_bool(R"("users"."is_active")") + R"(, 'createdAt', )" + sqlite_time(R"("users"."created_at")") +
    R"(, 'updatedAt', )" + sqlite_time(R"("users"."updated_at")") + ")";
const std::string posts_object =
    R"(json_object('id', "posts"."id", 'authorId', "posts"."author_id", 'title', "posts"."title", 'body', "posts"."body", 'published', )" +
    sqlite_bool(R"("posts"."published")") + R"(, 'createdAt', )" + sqlite_time(R"("posts"."created_at")") + ")";
const std::string users_columns =
    R"("users"."id", "users"."email", "users"."name", "users"."role", "users"."is_active", "users"."created_at", "users"."updated_at")";
const std::string posts_columns =
    R"("posts"."id", "posts"."author_id", "posts"."title", "posts"."body", "posts"."published", "posts"."created_at")";

std::string maybe(const std::string& key, const std::string& object) {
  return "'" + key + "', case when \"" + key + "\".\"id\" is null then null else " + object + " end";
}

TEST(CompileJoin, RightJoinMakesTheFromTableNullable) {
  expect_sql(R"({"kind":"select","table":"posts","joins":[{"type":"right","table":"users","on":)" + on_author + "}]}",
    {"select " + posts_columns + ", " + users_columns + R"( from "posts" right join "users" on "posts"."author_id" = "users"."id")", ""},
    {sqlite_rows(maybe("posts", posts_object) + ", 'users', " + users_object,
                 R"(from "posts" right join "users" on "posts"."author_id" = "users"."id")"),
     ""});
}

TEST(CompileJoin, FullJoinMakesBothNullable) {
  expect_sql(R"({"kind":"select","table":"posts","joins":[{"type":"full","table":"users","on":)" + on_author + "}]}",
    {"select " + posts_columns + ", " + users_columns + R"( from "posts" full join "users" on "posts"."author_id" = "users"."id")", ""},
    {sqlite_rows(maybe("posts", posts_object) + ", " + maybe("users", users_object),
                 R"(from "posts" full join "users" on "posts"."author_id" = "users"."id")"),
     ""});
}

TEST(CompileJoin, CrossJoinHasNoCondition) {
  expect_sql(R"({"kind":"select","table":"users","fields":[{"key":"name","expr":{"col":["users","name"]}},{"key":"title","expr":{"col":["posts","title"]}}],
      "joins":[{"type":"cross","table":"posts"}]})",
    {R"(select "users"."name", "posts"."title" from "users" cross join "posts")", ""},
    {sqlite_rows(R"('name', "users"."name", 'title', "posts"."title")", R"(from "users" cross join "posts")"), ""});
  expect_error(R"({"kind":"select","table":"users","joins":[{"type":"cross","table":"posts","on":)" + on_author + "}]}",
               error_code::invalid_document, {"joins", "0", "on"});
  expect_error(R"({"kind":"select","table":"users","joins":[{"type":"outer","table":"posts","on":)" + on_author + "}]}",
               error_code::invalid_document, {"joins", "0", "type"});
}

}  // namespace
}  // namespace sluice::testing
