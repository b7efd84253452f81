#pragma once
// CREATE statements for a whole schema, per dialect, each idempotent so the list can run
// against a database that already has some or all of it.
//
//   pg:     create table if not exists "posts" ("id" serial not null, ...,
//           primary key ("id"), constraint "posts_author_id_users_id_fk" foreign key
//           ("author_id") references "users" ("id") on delete cascade on update no action)
//   sqlite: create table if not exists "posts" ("id" integer primary key autoincrement, ...)
#include <string>
#include <vector>

#include "schema/catalog.h"
#include "sql/compile.h"

namespace sluice::migrate {

// In dependency order: enum types first (Postgres), then each table after the tables its
// foreign keys reference, then indexes. Foreign keys inside a reference cycle are added by
// separate statements at the end where the dialect cannot name a table before it exists.
// Never fails: the catalog was checked when it was loaded.
[[nodiscard]] std::vector<std::string> create_schema_ddl(const schema::catalog& cat,
                                                         sql::dialect_id dialect) noexcept;

}  // namespace sluice::migrate
