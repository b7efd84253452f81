#pragma once
// A migration plan: the statements that take a database from one catalog to the next in one
// dialect, what data they would destroy, and the rename questions still open.
//
//   add users.bio, posts.body gains a default:
//     pg:     alter table "users" add column "bio" text
//             alter table "posts" alter column "body" set default ''
//     sqlite: alter table "users" add column "bio" text
//             pragma defer_foreign_keys = on; create table "__new_posts" (...);
//             insert into "__new_posts" (...) select ... from "posts"; drop table "posts";
//             alter table "__new_posts" rename to "posts"; ...
#include <string>
#include <vector>

#include "core/result.h"
#include "migrate/diff.h"
#include "schema/catalog.h"
#include "sql/compile.h"

namespace sluice::migrate {

struct planned_statement {
  std::string sql;
  // Postgres forbids it inside a transaction block (or its effect inside one): it is applied
  // on its own, outside the migration's batch.
  bool outside_transaction = false;
};

struct migration_plan {
  std::vector<planned_statement> statements;
  std::vector<std::string> data_loss;  // one line per table, column or value that would be lost
  std::vector<ambiguity> ambiguities;  // when not empty, there are no statements
};

// Errors: invalid_value (a rename that matches nothing), unsupported_feature (removing or
// reordering Postgres enum values).
[[nodiscard]] result<migration_plan> plan_migration(const schema::catalog& before,
                                                    const schema::catalog& after,
                                                    sql::dialect_id dialect,
                                                    const diff_options& options) noexcept;

}  // namespace sluice::migrate
