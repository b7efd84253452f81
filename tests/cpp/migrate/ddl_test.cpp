// CREATE DDL for both dialects, side by side. The SQLite statements also run on a real SQLite
// (twice: every statement must be idempotent).
#include "migrate/ddl.h"

#include <gtest/gtest.h>

#include "fixtures.h"
#include "schema/load_schema.h"
#include "sql/feature_schema.h"
#include "sql/sqlite_db.h"

namespace sluice::migrate {
namespace {

using statements = std::vector<std::string>;

const std::string now_ms = "(cast((julianday('now') - 2440587.5) * 86400000 as integer))";

void expect_ddl(const schema::catalog& cat, const statements& pg, const statements& sqlite) {
  for (auto [dialect, want] : {std::pair{sql::dialect_id::postgres, &pg}, std::pair{sql::dialect_id::sqlite, &sqlite}}) {
    const statements got = create_schema_ddl(cat, dialect);
    const char* name = dialect == sql::dialect_id::postgres ? "postgres" : "sqlite";
    ASSERT_EQ(got.size(), want->size()) << name;
    for (size_t i = 0; i < got.size(); ++i)
      EXPECT_EQ(got[i], (*want)[i]) << name << " statement " << i << "\nExpected -->|" << (*want)[i]
                                    << "|<--\nReceived -->|" << got[i] << "|<--";
  }
  testing::sqlite_db db(cat);
  for (const auto& s : sqlite) db.exec(s);
}

TEST(CreateSchemaDdl, Tutorial) {
  expect_ddl(testing::tutorial_catalog(),
    {"do $$ begin create type \"role\" as enum ('admin', 'editor', 'viewer'); exception when duplicate_object then null; end $$",
     R"(create table if not exists "users" ("id" serial not null, "email" varchar(320) not null, "name" text not null, "role" "role" not null default 'viewer', "is_active" boolean not null default true, "created_at" timestamp with time zone not null default now(), "updated_at" timestamp with time zone not null default now(), primary key ("id")))",
     R"(create table if not exists "posts" ("id" serial not null, "author_id" integer not null, "title" varchar(200) not null, "body" text not null, "published" boolean not null default false, "created_at" timestamp with time zone not null default now(), primary key ("id"), constraint "posts_author_id_users_id_fk" foreign key ("author_id") references "users" ("id") on delete cascade on update no action))",
     R"(create unique index if not exists "users_email_idx" on "users" ("email"))",
     R"(create index if not exists "users_role_idx" on "users" ("role"))"},
    {R"(create table if not exists "users" ("id" integer primary key autoincrement, "email" text not null, "name" text not null, "role" text not null default 'viewer' check ("role" in ('admin', 'editor', 'viewer')), "is_active" integer not null default 1, "created_at" integer not null default )" + now_ms +
         R"(, "updated_at" integer not null default )" + now_ms + ")",
     R"(create table if not exists "posts" ("id" integer primary key autoincrement, "author_id" integer not null, "title" text not null, "body" text not null, "published" integer not null default 0, "created_at" integer not null default )" + now_ms +
         R"(, constraint "posts_author_id_users_id_fk" foreign key ("author_id") references "users" ("id") on delete cascade on update no action))",
     R"(create unique index if not exists "users_email_idx" on "users" ("email"))",
     R"(create index if not exists "users_role_idx" on "users" ("role"))"});
}

TEST(CreateSchemaDdl, EveryColumnKindAndConstraint) {
  const std::string uuid_v4 =
      "(lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || "
      "'-' || substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))))";
  expect_ddl(testing::feature_catalog(),
    {"do $$ begin create type \"status\" as enum ('draft', 'live', 'won''t'); exception when duplicate_object then null; end $$",
     R"(create table if not exists "orgs" ("id" uuid not null default gen_random_uuid(), "name" text not null, "settings" jsonb not null default '{"theme":"dark"}', "budget" numeric(12, 2), "slug" varchar(64) not null, "active" boolean not null default true, "created_at" timestamp not null default now(), primary key ("id"), constraint "orgs_name_unique" unique ("name"), constraint "orgs_budget_positive" check ("budget" >= 0)))",
     R"(create table if not exists "members" ("org_id" uuid not null, "user_id" bigint not null, "status" "status" not null default 'won''t', "score" double precision default 1.5, "meta" json, "joined_on" date not null default current_date, "seen_at" timestamp, primary key ("org_id", "user_id"), constraint "members_org_id_fk" foreign key ("org_id") references "orgs" ("id") on delete cascade on update cascade))",
     R"(create table if not exists "counters" ("id" bigserial not null, "n" integer default -1, primary key ("id")))",
     R"(create table if not exists "odd""name" ("it's ""q""" text))",
     R"(create index if not exists "members_user_idx" on "members" ("user_id"))"},
    {R"(create table if not exists "orgs" ("id" text not null default )" + uuid_v4 +
         R"(, "name" text not null, "settings" text not null default '{"theme":"dark"}', "budget" text, "slug" text not null, "active" integer not null default 1, "created_at" integer not null default )" + now_ms +
         R"(, primary key ("id"), constraint "orgs_name_unique" unique ("name"), constraint "orgs_budget_positive" check ("budget" >= 0)))",
     R"(create table if not exists "members" ("org_id" text not null, "user_id" integer not null, "status" text not null default 'won''t' check ("status" in ('draft', 'live', 'won''t')), "score" real default 1.5, "meta" text, "joined_on" text not null default (date('now')), "seen_at" integer, primary key ("org_id", "user_id"), constraint "members_org_id_fk" foreign key ("org_id") references "orgs" ("id") on delete cascade on update cascade))",
     R"(create table if not exists "counters" ("id" integer primary key autoincrement, "n" integer default -1))",
     R"(create table if not exists "odd""name" ("it's ""q""" text))",
     R"(create index if not exists "members_user_idx" on "members" ("user_id"))"});
}

// Postgres cannot reference a table before it exists: inside a cycle the foreign key that
// points forward is added afterwards. SQLite resolves references lazily and keeps it inline.
TEST(CreateSchemaDdl, ForeignKeyCycle) {
  auto cat = schema::load_schema(R"({"tables":[
    {"key":"a","columns":[{"key":"id","type":"integer","primaryKey":true},{"key":"bId","name":"b_id","type":"integer"}],
     "foreignKeys":[{"name":"a_b_fk","columns":["bId"],"table":"b","references":["id"],"onDelete":"set null"}]},
    {"key":"b","columns":[{"key":"id","type":"integer","primaryKey":true},{"key":"aId","name":"a_id","type":"integer"}],
     "foreignKeys":[{"name":"b_a_fk","columns":["aId"],"table":"a","references":["id"],"onUpdate":"restrict"}]}]})");
  ASSERT_TRUE(cat.ok());
  expect_ddl(cat.value(),
    {R"(create table if not exists "a" ("id" integer not null, "b_id" integer, primary key ("id")))",
     R"(create table if not exists "b" ("id" integer not null, "a_id" integer, primary key ("id"), constraint "b_a_fk" foreign key ("a_id") references "a" ("id") on delete no action on update restrict))",
     R"(do $$ begin alter table "a" add constraint "a_b_fk" foreign key ("b_id") references "b" ("id") on delete set null on update no action; exception when duplicate_object then null; end $$)"},
    {R"(create table if not exists "a" ("id" integer not null, "b_id" integer, primary key ("id"), constraint "a_b_fk" foreign key ("b_id") references "b" ("id") on delete set null on update no action))",
     R"(create table if not exists "b" ("id" integer not null, "a_id" integer, primary key ("id"), constraint "b_a_fk" foreign key ("a_id") references "a" ("id") on delete no action on update restrict))"});
}

TEST(CreateSchemaDdl, SelfReferenceStaysInline) {
  auto cat = schema::load_schema(R"({"tables":[
    {"key":"nodes","columns":[{"key":"id","type":"serial","primaryKey":true},{"key":"parentId","name":"parent_id","type":"integer"}],
     "foreignKeys":[{"name":"nodes_parent_fk","columns":["parentId"],"table":"nodes","references":["id"],"onDelete":"cascade"}]}]})");
  ASSERT_TRUE(cat.ok());
  expect_ddl(cat.value(),
    {R"(create table if not exists "nodes" ("id" serial not null, "parent_id" integer, primary key ("id"), constraint "nodes_parent_fk" foreign key ("parent_id") references "nodes" ("id") on delete cascade on update no action))"},
    {R"(create table if not exists "nodes" ("id" integer primary key autoincrement, "parent_id" integer, constraint "nodes_parent_fk" foreign key ("parent_id") references "nodes" ("id") on delete cascade on update no action))"});
}

}  // namespace
}  // namespace sluice::migrate
