// Migration plans per change kind, Postgres and SQLite side by side; every SQLite plan runs on
// a real SQLite holding rows (plan_support.h).
#include "migrate/plan.h"

#include <gtest/gtest.h>

#include "migrate/migration_db.h"
#include "migrate/plan_support.h"
#include "schema/load_schema.h"

namespace sluice::migrate {
namespace {

using testing::expect_plan;

std::string doc(const std::vector<std::string>& tables, const std::string& enums = "[]") {
  std::string s = R"({"enums":)" + enums + R"(,"tables":[)";
  for (size_t i = 0; i < tables.size(); ++i) s += (i ? "," : "") + tables[i];
  return s + "]}";
}

const std::string users = R"({"key":"users","columns":[{"key":"id","type":"serial","primaryKey":true},{"key":"email","type":"text","notNull":true},{"key":"name","type":"text"}],"indexes":[{"name":"users_email_idx","columns":["email"],"unique":true}]})";
const std::string posts = R"({"key":"posts","columns":[{"key":"id","type":"serial","primaryKey":true},{"key":"authorId","name":"author_id","type":"integer","notNull":true},{"key":"title","type":"text","notNull":true}],"foreignKeys":[{"name":"posts_author_fk","columns":["authorId"],"table":"users","references":["id"],"onDelete":"cascade"}]})";
const std::vector<std::string> seed = {
    "insert into users (id, email, name) values (1, 'a@x', 'A'), (2, 'b@x', 'B')",
    "insert into posts (id, author_id, title) values (1, 1, 'p1'), (2, 1, 'p2'), (3, 2, 'p3')"};

std::string replace(std::string s, const std::string& from, const std::string& to) {
  s.replace(s.find(from), from.size(), to);
  return s;
}

TEST(PlanMigration, CreateEverything) {
  expect_plan({.before = doc({}), .after = doc({users, posts}),
               
               .pg = {
                 R"(create table "users" ("id" serial not null, "email" text not null, "name" text, primary key ("id")))",
                 R"(create table "posts" ("id" serial not null, "author_id" integer not null, "title" text not null, primary key ("id"), constraint "posts_author_fk" foreign key ("author_id") references "users" ("id") on delete cascade on update no action))",
                 R"(create unique index "users_email_idx" on "users" ("email"))"},
               .sqlite = {
                 R"(create table "users" ("id" integer primary key autoincrement, "email" text not null, "name" text))",
                 R"(create table "posts" ("id" integer primary key autoincrement, "author_id" integer not null, "title" text not null, constraint "posts_author_fk" foreign key ("author_id") references "users" ("id") on delete cascade on update no action))",
                 R"(create unique index "users_email_idx" on "users" ("email"))"}});
}

TEST(PlanMigration, AddColumnAndIndex) {
  const std::string users2 = replace(users, R"({"key":"name","type":"text"})",
                                     R"({"key":"name","type":"text"},{"key":"bio","type":"text","notNull":true,"default":{"kind":"value","value":""}})");
  const std::string posts2 = replace(posts, R"("foreignKeys")", R"("indexes":[{"name":"posts_author_idx","columns":["authorId"]}],"foreignKeys")");
  expect_plan({.before = doc({users, posts}), .after = doc({users2, posts2}),
               .pg = {
                 R"(alter table "users" add column "bio" text not null default '')",
                 R"(create index "posts_author_idx" on "posts" ("author_id"))"},
               .sqlite = {
                 R"(alter table "users" add column "bio" text not null default '')",
                 R"(create index "posts_author_idx" on "posts" ("author_id"))"},
               .seed = seed, .after_query = "select id, bio from users order by id", .after_rows = {"1|", "2|"}});
}

TEST(PlanMigration, DropColumnIndexAndTable) {
  const std::string users2 = replace(replace(users, R"(,{"key":"name","type":"text"})", ""),
                                     R"(,"indexes":[{"name":"users_email_idx","columns":["email"],"unique":true}])", "");
  expect_plan({.before = doc({users, posts}), .after = doc({users2}),
               .pg = {
                 R"(drop index "users_email_idx")",
                 R"(alter table "users" drop column "name")",
                 R"(drop table "posts")"},
               .sqlite = {
                 R"(drop index "users_email_idx")",
                 R"(alter table "users" drop column "name")",
                 R"(drop table "posts")"},
               .seed = seed, .after_query = "select * from users order by id", .after_rows = {"1|a@x", "2|b@x"}});
}

TEST(PlanMigration, RenameTableAndColumn) {
  const std::string people = replace(replace(users, R"("key":"users")", R"("key":"people")"), R"("key":"name")", R"("key":"fullName","name":"full_name")");
  const std::string posts2 = replace(posts, R"("table":"users")", R"("table":"people")");
  expect_plan({.before = doc({users, posts}), .after = doc({people, posts2}),
               .options = {.renames = {{"users", "people"}, {"users.name", "people.full_name"}}},
               
               .pg = {
                 R"(alter table "users" rename to "people")",
                 R"(alter table "people" rename column "name" to "full_name")"},
               .sqlite = {
                 R"(alter table "users" rename to "people")",
                 R"(alter table "people" rename column "name" to "full_name")"}, .seed = seed,
               .after_query = "select p.title, u.full_name from posts p join people u on u.id = p.author_id order by p.id",
               .after_rows = {"p1|A", "p2|A", "p3|B"}});
}

TEST(PlanMigration, AlterColumnRebuildsOnlyTheChild) {
  const std::string posts2 = replace(posts, R"({"key":"title","type":"text","notNull":true})",
                                     R"({"key":"title","type":"varchar","length":200,"notNull":false,"default":{"kind":"value","value":"untitled"}})");
  expect_plan({.before = doc({users, posts}), .after = doc({users, posts2}),
               .pg = {
                 R"(alter table "posts" alter column "title" set data type varchar(200) using "title"::varchar(200))",
                 R"(alter table "posts" alter column "title" set default 'untitled')",
                 R"(alter table "posts" alter column "title" drop not null)"},
               .sqlite = {
                 R"(pragma defer_foreign_keys = on)",
                 R"(create table "__new_posts" ("id" integer primary key autoincrement, "author_id" integer not null, "title" text default 'untitled', constraint "posts_author_fk" foreign key ("author_id") references "users" ("id") on delete cascade on update no action))",
                 R"(insert into "__new_posts" ("id", "author_id", "title") select "id", "author_id", "title" from "posts")",
                 R"(delete from sqlite_sequence where name = '__new_posts')",
                 R"(insert into sqlite_sequence (name, seq) select '__new_posts', seq from sqlite_sequence where name = 'posts')",
                 R"(drop table "posts")",
                 R"(alter table "__new_posts" rename to "posts")",
                 R"(pragma foreign_key_check)"},
               .seed = seed, .after_query = "select id, title from posts order by id", .after_rows = {"1|p1", "2|p2", "3|p3"}});
}

// drizzle #4938: rebuilding a parent with cascading children must not delete a child row.
TEST(PlanMigration, RebuildingAParentKeepsEveryChildRow) {
  const std::string users2 = replace(users, R"({"key":"name","type":"text"})",
                                     R"({"key":"name","type":"text","notNull":true,"default":{"kind":"value","value":"anonymous"}})");
  expect_plan({.before = doc({users, posts}), .after = doc({users2, posts}),
               .pg = {
                 R"(alter table "users" alter column "name" set default 'anonymous')",
                 R"(alter table "users" alter column "name" set not null)"},
               .sqlite = {
                 R"(pragma defer_foreign_keys = on)",
                 R"(create table "__new_users" ("id" integer primary key autoincrement, "email" text not null, "name" text not null default 'anonymous'))",
                 R"(insert into "__new_users" ("id", "email", "name") select "id", "email", "name" from "users")",
                 R"(delete from sqlite_sequence where name = '__new_users')",
                 R"(insert into sqlite_sequence (name, seq) select '__new_users', seq from sqlite_sequence where name = 'users')",
                 R"(create table "__new_posts" ("id" integer primary key autoincrement, "author_id" integer not null, "title" text not null, constraint "posts_author_fk" foreign key ("author_id") references "__new_users" ("id") on delete cascade on update no action))",
                 R"(insert into "__new_posts" ("id", "author_id", "title") select "id", "author_id", "title" from "posts")",
                 R"(delete from sqlite_sequence where name = '__new_posts')",
                 R"(insert into sqlite_sequence (name, seq) select '__new_posts', seq from sqlite_sequence where name = 'posts')",
                 R"(drop table "posts")",
                 R"(drop table "users")",
                 R"(alter table "__new_users" rename to "users")",
                 R"(alter table "__new_posts" rename to "posts")",
                 R"(create unique index "users_email_idx" on "users" ("email"))",
                 R"(pragma foreign_key_check)"},
               .seed = seed, .after_query = "select p.id, p.author_id, u.name from posts p join users u on u.id = p.author_id order by p.id",
               .after_rows = {"1|1|A", "2|1|A", "3|2|B"}});
}

const std::string role = R"([{"name":"role","values":["admin","viewer"]}])";
const std::string role_users = replace(users, R"({"key":"name","type":"text"})",
                                       R"({"key":"name","type":"text"},{"key":"role","type":"enum","enum":"role","notNull":true,"default":{"kind":"value","value":"viewer"}})");

TEST(PlanMigration, EnumTypeAndColumn) {
  expect_plan({.before = doc({users, posts}), .after = doc({role_users, posts}, role),
               .pg = {
                 R"(create type "role" as enum ('admin', 'viewer'))",
                 R"(alter table "users" add column "role" "role" not null default 'viewer')"},
               .sqlite = {
                 R"(alter table "users" add column "role" text not null default 'viewer' check ("role" in ('admin', 'viewer')))"},
               .seed = seed, .after_query = "select id, role from users order by id", .after_rows = {"1|viewer", "2|viewer"}});
}

// Postgres adds the value in place (outside the transaction); SQLite rebuilds the tables
// whose CHECK lists the values.
TEST(PlanMigration, EnumValuesAdded) {
  const std::string role2 = R"([{"name":"role","values":["admin","editor","viewer","guest"]}])";
  expect_plan({.before = doc({role_users, posts}, role), .after = doc({role_users, posts}, role2),
               .pg = {
                 R"(alter type "role" add value 'guest')",
                 R"(alter type "role" add value 'editor' before 'viewer')"},
               .sqlite = {
                 R"(pragma defer_foreign_keys = on)",
                 R"(create table "__new_users" ("id" integer primary key autoincrement, "email" text not null, "name" text, "role" text not null default 'viewer' check ("role" in ('admin', 'editor', 'viewer', 'guest'))))",
                 R"(insert into "__new_users" ("id", "email", "name", "role") select "id", "email", "name", "role" from "users")",
                 R"(delete from sqlite_sequence where name = '__new_users')",
                 R"(insert into sqlite_sequence (name, seq) select '__new_users', seq from sqlite_sequence where name = 'users')",
                 R"(create table "__new_posts" ("id" integer primary key autoincrement, "author_id" integer not null, "title" text not null, constraint "posts_author_fk" foreign key ("author_id") references "__new_users" ("id") on delete cascade on update no action))",
                 R"(insert into "__new_posts" ("id", "author_id", "title") select "id", "author_id", "title" from "posts")",
                 R"(delete from sqlite_sequence where name = '__new_posts')",
                 R"(insert into sqlite_sequence (name, seq) select '__new_posts', seq from sqlite_sequence where name = 'posts')",
                 R"(drop table "posts")",
                 R"(drop table "users")",
                 R"(alter table "__new_users" rename to "users")",
                 R"(alter table "__new_posts" rename to "posts")",
                 R"(create unique index "users_email_idx" on "users" ("email"))",
                 R"(pragma foreign_key_check)"},
               .seed = {"insert into users (id, email, name, role) values (1, 'a@x', 'A', 'admin')",
                        "insert into posts (id, author_id, title) values (1, 1, 'p1')",
                        "update users set role = 'viewer'"},
               .after_query = "select count(*) from posts", .after_rows = {"1"}});
  const auto plan = testing::plan_of(doc({role_users}, role), doc({role_users}, role2), sql::dialect_id::postgres);
  ASSERT_EQ(plan.statements.size(), 2u);
  EXPECT_TRUE(plan.statements[0].outside_transaction);
  EXPECT_TRUE(plan.statements[1].outside_transaction);
}

TEST(PlanMigration, EnumValueRemovedIsPostgresUnsupported) {
  const auto before = schema::load_schema(doc({role_users}, role));
  const auto after = schema::load_schema(doc({role_users}, R"([{"name":"role","values":["viewer"]}])"));
  auto plan = plan_migration(before.value(), after.value(), sql::dialect_id::postgres, {});
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.err().code, error_code::unsupported_feature);
  auto sqlite = plan_migration(before.value(), after.value(), sql::dialect_id::sqlite, {});
  ASSERT_TRUE(sqlite.ok());
  EXPECT_EQ(sqlite.value().data_loss, std::vector<std::string>{"enum role loses 'admin': rows holding them make the migration fail"});
}

TEST(PlanMigration, ConstraintsChange) {
  const std::string users2 = replace(users, R"("indexes")", R"("uniques":[{"name":"users_name_unique","columns":["name"]}],"checks":[{"name":"users_email_check","sql":"\"email\" like '%@%'"}],"indexes")");
  const std::string posts2 = replace(posts, R"("onDelete":"cascade")", R"("onDelete":"restrict")");
  expect_plan({.before = doc({users, posts}), .after = doc({users2, posts2}),
               .pg = {
                 R"(alter table "posts" drop constraint "posts_author_fk")",
                 R"(alter table "users" add constraint "users_name_unique" unique ("name"))",
                 R"(alter table "users" add constraint "users_email_check" check ("email" like '%@%'))",
                 R"(alter table "posts" add constraint "posts_author_fk" foreign key ("author_id") references "users" ("id") on delete restrict on update no action)"},
               .sqlite = {
                 R"(pragma defer_foreign_keys = on)",
                 R"(create table "__new_users" ("id" integer primary key autoincrement, "email" text not null, "name" text, constraint "users_name_unique" unique ("name"), constraint "users_email_check" check ("email" like '%@%')))",
                 R"(insert into "__new_users" ("id", "email", "name") select "id", "email", "name" from "users")",
                 R"(delete from sqlite_sequence where name = '__new_users')",
                 R"(insert into sqlite_sequence (name, seq) select '__new_users', seq from sqlite_sequence where name = 'users')",
                 R"(create table "__new_posts" ("id" integer primary key autoincrement, "author_id" integer not null, "title" text not null, constraint "posts_author_fk" foreign key ("author_id") references "__new_users" ("id") on delete restrict on update no action))",
                 R"(insert into "__new_posts" ("id", "author_id", "title") select "id", "author_id", "title" from "posts")",
                 R"(delete from sqlite_sequence where name = '__new_posts')",
                 R"(insert into sqlite_sequence (name, seq) select '__new_posts', seq from sqlite_sequence where name = 'posts')",
                 R"(drop table "posts")",
                 R"(drop table "users")",
                 R"(alter table "__new_users" rename to "users")",
                 R"(alter table "__new_posts" rename to "posts")",
                 R"(create unique index "users_email_idx" on "users" ("email"))",
                 R"(pragma foreign_key_check)"},
               .seed = seed, .after_query = "select count(*) from posts", .after_rows = {"3"}});
}

TEST(PlanMigration, PrimaryKeyChange) {
  const std::string tags = R"({"key":"tags","columns":[{"key":"postId","name":"post_id","type":"integer","notNull":true},{"key":"tag","type":"text","notNull":true}],"primaryKey":["postId"]})";
  const std::string tags2 = replace(tags, R"("primaryKey":["postId"])", R"("primaryKey":["postId","tag"])");
  expect_plan({.before = doc({tags}), .after = doc({tags2}),
               .pg = {
                 R"(alter table "tags" drop constraint "tags_pkey")",
                 R"(alter table "tags" add primary key ("post_id", "tag"))"},
               .sqlite = {
                 R"(pragma defer_foreign_keys = on)",
                 R"(create table "__new_tags" ("post_id" integer not null, "tag" text not null, primary key ("post_id", "tag")))",
                 R"(insert into "__new_tags" ("post_id", "tag") select "post_id", "tag" from "tags")",
                 R"(drop table "tags")",
                 R"(alter table "__new_tags" rename to "tags")",
                 R"(pragma foreign_key_check)"},
               .seed = {"insert into tags values (1, 'a'), (2, 'b')"},
               .after_query = "select * from tags order by post_id", .after_rows = {"1|a", "2|b"}});
}

// AUTOINCREMENT promises never to reuse an id: after the rebuild, the next row gets the id
// after the largest ever handed out, not after the largest left in the table.
TEST(PlanMigration, RebuildKeepsTheAutoincrementCounter) {
  const std::string users2 = replace(users, R"({"key":"name","type":"text"})", R"({"key":"name","type":"text","notNull":true,"default":{"kind":"value","value":"anonymous"}})");
  const std::string posts2 = replace(posts, R"({"key":"title","type":"text","notNull":true})", R"({"key":"title","type":"varchar","length":200,"notNull":true})");
  const auto plan = testing::plan_of(doc({users, posts}), doc({users2, posts2}), sql::dialect_id::sqlite);
  testing::migration_db db(schema::load_schema(doc({users, posts})).value());
  for (const auto& s : seed) ASSERT_EQ(db.exec(s), "") << s;
  // users 1-2 and posts 1-3 were handed out; posts 3 and all users but 1 are gone.
  ASSERT_EQ(db.exec("insert into users (id, email) values (7, 'g@x')"), "");
  ASSERT_EQ(db.exec("delete from posts where id = 3"), "");
  ASSERT_EQ(db.exec("delete from users where id <> 1"), "");
  for (const auto& s : plan.statements) ASSERT_EQ(db.exec(s.sql), "") << s.sql;
  ASSERT_EQ(db.exec("insert into users (email) values ('n@x')"), "");
  ASSERT_EQ(db.exec("insert into posts (author_id, title) values (1, 'p4')"), "");
  EXPECT_EQ(db.rows("select id, name from users order by id"), (std::vector<std::string>{"1|A", "8|anonymous"}));
  EXPECT_EQ(db.rows("select id, title from posts order by id"), (std::vector<std::string>{"1|p1", "2|p2", "4|p4"}));
  EXPECT_EQ(db.rows("select name, seq from sqlite_sequence order by name"), (std::vector<std::string>{"posts|4", "users|8"}));
}

// A table never written to has no counter yet; its rebuild starts from 1 like the original.
TEST(PlanMigration, RebuildOfAnUnusedAutoincrementTable) {
  const std::string users2 = replace(users, R"({"key":"name","type":"text"})", R"({"key":"name","type":"text","notNull":true,"default":{"kind":"value","value":"anonymous"}})");
  const auto plan = testing::plan_of(doc({users}), doc({users2}), sql::dialect_id::sqlite);
  testing::migration_db db(schema::load_schema(doc({users})).value());
  for (const auto& s : plan.statements) ASSERT_EQ(db.exec(s.sql), "") << s.sql;
  ASSERT_EQ(db.exec("insert into users (email) values ('n@x')"), "");
  EXPECT_EQ(db.rows("select id from users"), std::vector<std::string>{"1"});
}

TEST(PlanMigration, NothingChanged) {
  expect_plan({.before = doc({users, posts}), .after = doc({users, posts}),
               .pg = {},
               .sqlite = {}, .seed = seed});
}

TEST(PlanMigration, DroppedAndAddedColumnIsAmbiguousUntilAnswered) {
  const std::string users2 = replace(users, R"({"key":"name","type":"text"})", R"({"key":"fullName","name":"full_name","type":"text"})");
  const auto open = testing::plan_of(doc({users}), doc({users2}), sql::dialect_id::sqlite);
  ASSERT_EQ(open.ambiguities.size(), 1u);
  EXPECT_EQ(open.ambiguities[0].table, "users");
  EXPECT_EQ(open.ambiguities[0].dropped, std::vector<std::string>{"name"});
  EXPECT_EQ(open.ambiguities[0].added, std::vector<std::string>{"full_name"});
  EXPECT_TRUE(open.statements.empty());

  const auto renamed = testing::plan_of(doc({users}), doc({users2}), sql::dialect_id::sqlite,
                                        {.renames = {{"users.name", "users.full_name"}}});
  ASSERT_EQ(renamed.statements.size(), 1u);
  EXPECT_EQ(renamed.statements[0].sql, R"(alter table "users" rename column "name" to "full_name")");
  EXPECT_TRUE(renamed.data_loss.empty());

  const auto replaced = testing::plan_of(doc({users}), doc({users2}), sql::dialect_id::sqlite, {.no_renames = true});
  EXPECT_EQ(replaced.data_loss, std::vector<std::string>{"column users.name is dropped with its values"});
}

TEST(PlanMigration, DroppedAndAddedTableIsAmbiguous) {
  const std::string people = replace(users, R"("key":"users")", R"("key":"people")");
  const auto open = testing::plan_of(doc({users}), doc({people}), sql::dialect_id::postgres);
  ASSERT_EQ(open.ambiguities.size(), 1u);
  EXPECT_EQ(open.ambiguities[0].table, "");
  EXPECT_EQ(open.ambiguities[0].dropped, std::vector<std::string>{"users"});
  EXPECT_EQ(open.ambiguities[0].added, std::vector<std::string>{"people"});
}

TEST(PlanMigration, RenameOfNothingIsAnError) {
  const auto before = schema::load_schema(doc({users}));
  auto plan = plan_migration(before.value(), before.value(), sql::dialect_id::sqlite,
                             {.renames = {{"users.nmae", "users.full_name"}}});
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.err().code, error_code::invalid_value);
}

TEST(PlanMigration, DataLossIsListed) {
  const std::string users2 = replace(replace(users, R"(,{"key":"name","type":"text"})", ""), R"("key":"email","type":"text")", R"("key":"email","type":"varchar","length":100)");
  const auto plan = testing::plan_of(doc({users, posts}), doc({users2}), sql::dialect_id::postgres);
  EXPECT_EQ(plan.data_loss, (std::vector<std::string>{
                                "column users.email changes type from text to varchar(100): values that do not convert are lost or fail",
                                "column users.name is dropped with its values",
                                "table posts is dropped with all its rows"}));
}

}  // namespace
}  // namespace sluice::migrate
