#include "migrate/migration_db.h"

#include <gtest/gtest.h>

#include "migrate/ddl.h"

namespace sluice::testing {

migration_db::migration_db(const schema::catalog& cat) {
  sqlite3_open(":memory:", &db_);
  EXPECT_EQ(exec("pragma foreign_keys = on"), "");
  for (const auto& s : migrate::create_schema_ddl(cat, sql::dialect_id::sqlite)) EXPECT_EQ(exec(s), "") << s;
}

migration_db::~migration_db() { sqlite3_close(db_); }

std::string migration_db::exec(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return {};
  std::string out = message ? message : "error";
  sqlite3_free(message);
  return out;
}

std::vector<std::string> migration_db::rows(const std::string& sql) {
  std::vector<std::string> out;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
    return {"error: " + std::string(sqlite3_errmsg(db_))};
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    std::string row;
    for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
      if (c) row += '|';
      const unsigned char* text = sqlite3_column_text(stmt, c);
      row += text ? reinterpret_cast<const char*>(text) : "null";
    }
    out.push_back(std::move(row));
  }
  sqlite3_finalize(stmt);
  return out;
}

std::string migration_db::describe() {
  std::string out;
  auto section = [&](const std::string& title, const std::string& sql) {
    out += title + "\n";
    for (const auto& r : rows(sql)) out += "  " + r + "\n";
  };
  for (const auto& table : rows("select name from sqlite_schema where type = 'table' and name not like 'sqlite_%' order by name")) {
    section("table " + table, "select name, type, \"notnull\", dflt_value, pk from pragma_table_info('" + table + "')");
    section("foreign keys", "select \"table\", \"from\", \"to\", on_update, on_delete from pragma_foreign_key_list('" + table + "') order by id, seq");
    for (const auto& ix : rows("select name || '|' || \"unique\" from pragma_index_list('" + table + "') where origin in ('c', 'u') order by name")) {
      const std::string name = ix.substr(0, ix.find('|'));
      section("index " + ix, "select name from pragma_index_info('" + name + "') order by seqno");
    }
  }
  return out;
}

}  // namespace sluice::testing
