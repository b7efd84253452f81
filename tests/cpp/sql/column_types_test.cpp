// Column types and defaults beyond the tutorial: SQLite's final JSON cells, uuid/date/json
// defaults when an insert leaves them out, parameter types, identifiers that need quoting.
#include <gtest/gtest.h>

#include "feature_schema.h"
#include "golden.h"

namespace sluice::testing {
namespace {

const std::string now_ms = "(cast((julianday('now') - 2440587.5) * 86400000 as integer))";
const std::string uuid_v4 =
    "(lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || "
    "'-' || substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))))";

TEST(ColumnTypes, JsonColumnsAreReReadInsideSqliteRows) {
  expect_sql(R"({"kind":"select","table":"orgs"})",
             {R"(select "id", "name", "settings", "budget", "slug", "active", "created_at" from "orgs")", ""},
             {sqlite_rows(R"('id', "id", 'name', "name", 'settings', json("settings"), 'budget', )" + sqlite_numeric(R"("budget")") + R"(, 'slug', "slug", 'active', )" +
                              sqlite_bool(R"("active")") + ", 'createdAt', " + sqlite_time(R"("created_at")"),
                          R"(from "orgs")"),
              ""},
             feature_catalog());
}

TEST(ColumnTypes, JsonColumnsInANestedRelation) {
  expect_sql(R"({"kind":"findMany","table":"orgs","columns":["settings"],"with":[{"key":"members","columns":["meta","joinedOn"]}]})",
    {R"(select "orgs"."settings", "orgs_members"."data" from "orgs" "orgs" left join lateral (select coalesce(json_agg(json_build_array("orgs_members"."meta", "orgs_members"."joined_on")), '[]'::json) as "data" from "members" "orgs_members" where "orgs_members"."org_id" = "orgs"."id") "orgs_members" on true)", ""},
    {sqlite_rows(R"('settings', json("orgs"."settings"), 'members', json((select coalesce(json_group_array(json_object('meta', json("orgs_members"."meta"), 'joinedOn', "orgs_members"."joined_on")), json_array()) as "data" from "members" "orgs_members" where "orgs_members"."org_id" = "orgs"."id")))",
                 R"(from "orgs" "orgs")"), ""},
    feature_catalog());
}

TEST(ColumnTypes, InsertFillsUuidJsonAndNowDefaults) {
  expect_sql(R"({"kind":"insert","table":"orgs","rows":[{"name":{"param":0},"slug":{"param":1}}],"returning":[{"key":"id","expr":{"col":["orgs","id"]}}]})",
    {R"(insert into "orgs" ("id", "name", "settings", "budget", "slug", "active", "created_at") values (default, $1, default, default, $2, default, default) returning "id")",
     "0:text, 1:text"},
    {R"(insert into "orgs" ("id", "name", "settings", "budget", "slug", "active", "created_at") values ()" + uuid_v4 +
         ", ?, ?, null, ?, ?, " + now_ms + R"() returning json_object('id', "id"))",
     R"(0:text, ={"theme":"dark"}:json, 1:text, =true:boolean)"},
    feature_catalog());
}

TEST(ColumnTypes, InsertFillsEnumRealAndDateDefaults) {
  expect_sql(R"({"kind":"insert","table":"members","rows":[{"orgId":{"param":0},"userId":{"param":1},"meta":{"param":2}}]})",
    {R"(insert into "members" ("org_id", "user_id", "status", "score", "meta", "joined_on", "seen_at") values ($1, $2, default, default, $3, default, default))",
     "0:uuid, 1:bigint, 2:json"},
    {R"(insert into "members" ("org_id", "user_id", "status", "score", "meta", "joined_on", "seen_at") values (?, ?, ?, ?, ?, (date('now')), null))",
     R"(0:uuid, 1:bigint, ="won't":text, =1.5:real, 2:json)"},
    feature_catalog());
}

TEST(ColumnTypes, InsertWithNoValuesAtAll) {
  expect_sql(R"({"kind":"insert","table":"counters","rows":[{}],"returning":"all"})",
             {R"(insert into "counters" ("id", "n") values (default, default) returning "id", "n")", ""},
             {R"(insert into "counters" ("id", "n") values (null, ?))" +
                  sqlite_returning(R"('id', case when "id" between -9007199254740991 and 9007199254740991 )"
                                   R"(then "id" else cast("id" as text) end, 'n', "n")"),
              "=-1:integer"},
             feature_catalog());
}

TEST(ColumnTypes, AJsDefaultIsNeverFilledByTheDatabase) {
  expect_error(R"({"kind":"insert","table":"orgs","rows":[{"name":{"param":0}}]})", error_code::invalid_value,
               {"rows", "0", "slug"}, feature_catalog());
}

TEST(ColumnTypes, ParameterTypesFollowTheColumns) {
  expect_sql(R"({"kind":"count","table":"members","where":{"op":"and","args":[
      {"op":"eq","left":{"col":["members","orgId"]},"right":{"param":0}},
      {"op":"gt","left":{"col":["members","userId"]},"right":{"param":1}},
      {"op":"lt","left":{"col":["members","joinedOn"]},"right":{"param":2}},
      {"op":"gte","left":{"col":["members","score"]},"right":{"param":3}},
      {"op":"inArray","left":{"col":["members","status"]},"right":[{"param":4}]}]}})",
    {R"(select count(*) from "members" where ("members"."org_id" = $1 and "members"."user_id" > $2 and "members"."joined_on" < $3 and "members"."score" >= $4 and "members"."status" in ($5)))",
     "0:uuid, 1:bigint, 2:date, 3:real, 4:text"},
    {R"(select count(*) from "members" where ("members"."org_id" = ? and "members"."user_id" > ? and "members"."joined_on" < ? and "members"."score" >= ? and "members"."status" in (?)))",
     "0:uuid, 1:bigint, 2:date, 3:real, 4:text"},
    feature_catalog());
}

TEST(ColumnTypes, NumericAndJsonParameters) {
  expect_sql(R"({"kind":"update","table":"orgs","set":{"budget":{"param":0},"settings":{"param":1}}})",
             {R"(update "orgs" set "budget" = $1, "settings" = $2)", "0:numeric, 1:json"},
             {R"(update "orgs" set "budget" = ?, "settings" = ?)", "0:numeric, 1:json"}, feature_catalog());
}

TEST(ColumnTypes, IdentifiersDoubleTheirQuotes) {
  expect_sql(R"({"kind":"select","table":"odd","where":{"op":"isNotNull","arg":{"col":["odd","quote"]}}})",
             {R"(select "it's ""q""" from "odd""name" where "odd""name"."it's ""q""" is not null)", ""},
             {sqlite_rows(R"('quote', "it's ""q""")", R"(from "odd""name" where "odd""name"."it's ""q""" is not null)"), ""},
             feature_catalog());
}

// A projection key is the caller's text: SQLite's string literal doubles its quotes.
TEST(ColumnTypes, OutputKeysDoubleTheirQuotes) {
  expect_sql(R"({"kind":"select","table":"odd","fields":[{"key":"it's \"k\"","expr":{"col":["odd","quote"]}}]})",
             {R"(select "it's ""q""" from "odd""name")", ""},
             {sqlite_rows(R"('it''s "k"', "it's ""q""")", R"(from "odd""name")"), ""}, feature_catalog());
}

}  // namespace
}  // namespace sluice::testing
