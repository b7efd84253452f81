#include "sqlite_db.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>

#include "migrate/ddl.h"
#include "simdjson.h"

namespace sluice::testing {
namespace {

// A catalog constant as D1 would receive it from the JS side.
sql_value constant_value(const std::string& json) {
  simdjson::dom::parser parser;
  simdjson::dom::element e;
  if (parser.parse(json).get(e)) return json;
  switch (e.type()) {
    case simdjson::dom::element_type::STRING: return std::string(e.get_string().value_unsafe());
    case simdjson::dom::element_type::BOOL: return int64_t{e.get_bool().value_unsafe() ? 1 : 0};
    case simdjson::dom::element_type::INT64: return e.get_int64().value_unsafe();
    case simdjson::dom::element_type::UINT64:
      return static_cast<int64_t>(e.get_uint64().value_unsafe());
    case simdjson::dom::element_type::DOUBLE: return e.get_double().value_unsafe();
    case simdjson::dom::element_type::NULL_VALUE: return nullptr;
    case simdjson::dom::element_type::ARRAY:
    case simdjson::dom::element_type::OBJECT: return json;
  }
  return json;
}

void bind_value(sqlite3_stmt* stmt, int index, const sql_value& v) {
  if (std::holds_alternative<std::nullptr_t>(v)) sqlite3_bind_null(stmt, index);
  if (auto* i = std::get_if<int64_t>(&v)) sqlite3_bind_int64(stmt, index, *i);
  if (auto* d = std::get_if<double>(&v)) sqlite3_bind_double(stmt, index, *d);
  if (auto* s = std::get_if<std::string>(&v))
    sqlite3_bind_text(stmt, index, s->c_str(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
}

}  // namespace

sqlite_db::sqlite_db(const schema::catalog& cat) {
  sqlite3_open(":memory:", &db_);
  exec("pragma foreign_keys = on");
  for (const auto& statement : migrate::create_schema_ddl(cat, sql::dialect_id::sqlite))
    exec(statement);
}

sqlite_db::~sqlite_db() { sqlite3_close(db_); }

void sqlite_db::exec(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    ADD_FAILURE() << "SQLite rejected: " << sql << "\n" << (message ? message : "");
    sqlite3_free(message);
  }
}

std::string sqlite_db::query_plan(const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  const std::string explain = "explain query plan " + sql;
  if (sqlite3_prepare_v2(db_, explain.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
    return "error: " + std::string(sqlite3_errmsg(db_));
  std::string out;
  while (sqlite3_step(stmt) == SQLITE_ROW)
    out += std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 3))) + "\n";
  sqlite3_finalize(stmt);
  return out;
}

std::string sqlite_db::prepare_problem(const std::string& sql, size_t params) const {
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, &tail) !=
      SQLITE_OK)
    return sqlite3_errmsg(db_);
  const int count = sqlite3_bind_parameter_count(stmt);
  sqlite3_finalize(stmt);
  if (tail && *tail) return "text after the statement: " + std::string(tail);
  if (params != any_count && static_cast<size_t>(count) != params)
    return "SQLite counts " + std::to_string(count) + " placeholders, the compiler bound " +
           std::to_string(params);
  return {};
}

std::vector<std::vector<std::string>> sqlite_db::run(const sql::statement& s,
                                                     const std::vector<sql_value>& values) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, s.sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
    return {{"error: " + std::string(sqlite3_errmsg(db_))}};
  for (size_t i = 0; i < s.params.size(); ++i) {
    const sql::param& p = s.params[i];
    bind_value(stmt, static_cast<int>(i + 1), p.ref ? values.at(*p.ref) : constant_value(p.value_json));
  }
  std::vector<std::vector<std::string>> rows;
  int rc = 0;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
      const unsigned char* text = sqlite3_column_text(stmt, c);
      row.emplace_back(text ? reinterpret_cast<const char*>(text) : "null");
    }
    rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) rows = {{"error: " + std::string(sqlite3_errmsg(db_))}};
  sqlite3_finalize(stmt);
  return rows;
}

sqlite_db& sqlite_for(const schema::catalog& cat) {
  static std::map<const schema::catalog*, std::unique_ptr<sqlite_db>> databases;
  auto& slot = databases[&cat];
  if (!slot) slot = std::make_unique<sqlite_db>(cat);
  return *slot;
}

}  // namespace sluice::testing
