#pragma once
// A real in-memory SQLite for migration tests: created from a catalog's CREATE DDL, then
// migrated statement by statement; its structure is described through PRAGMAs so a migrated
// database can be compared with one created from the next catalog directly.
#include <sqlite3.h>

#include <string>
#include <vector>

#include "schema/catalog.h"

namespace sluice::testing {

class migration_db {
 public:
  explicit migration_db(const schema::catalog& cat);
  ~migration_db();
  migration_db(const migration_db&) = delete;
  migration_db& operator=(const migration_db&) = delete;

  // Empty on success, else SQLite's message.
  std::string exec(const std::string& sql);
  // Rows as text cells joined by '|', one string per row.
  std::vector<std::string> rows(const std::string& sql);
  // Tables, columns, foreign keys and indexes, in a stable order.
  std::string describe();

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace sluice::testing
