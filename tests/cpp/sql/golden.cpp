#include "golden.h"

#include <gtest/gtest.h>

#include "postgres_db.h"
#include "sql/compiled_json.h"
#include "sqlite_db.h"

namespace sluice::testing {
namespace {

std::string_view dialect_name(sql::dialect_id d) {
  return d == sql::dialect_id::postgres ? "postgres" : "sqlite";
}

// Shows both texts between markers so stray whitespace is visible.
void compare(std::string_view what, std::string_view spec, const std::string& expected,
             const std::string& received) {
  if (expected == received) return;
  ADD_FAILURE() << what << " of " << spec << "\nExpected -->|" << expected << "|<--"
                << "\nReceived -->|" << received << "|<--";
}

void check(sql::dialect_id dialect, std::string_view spec, const std::vector<expected_sql>& want,
           const schema::catalog& cat) {
  auto compiled = compile_for(dialect, spec, cat);
  const std::vector<sql::statement> none;
  const auto& got = compiled.ok() ? compiled.value().statements : none;
  if (dialect == sql::dialect_id::sqlite) {
    for (size_t i = 0; i < want.size(); ++i) {
      const size_t params = i < got.size() ? got[i].params.size() : sqlite_db::any_count;
      const std::string problem = sqlite_for(cat).prepare_problem(want[i].sql, params);
      if (!problem.empty())
        ADD_FAILURE() << "SQLite cannot prepare the golden statement\n  " << want[i].sql
                      << "\n  " << problem;
    }
  } else {
    for (const expected_sql& statement : want) {
      const std::string problem = postgres_for(cat).prepare_problem(
          statement.sql, golden_param_types(statement.params));
      if (!problem.empty())
        ADD_FAILURE() << "PostgreSQL cannot prepare the golden statement\n  " << statement.sql
                      << "\n  " << problem;
    }
  }
  if (!compiled.ok()) {
    ADD_FAILURE() << dialect_name(dialect) << " compile failed for " << spec << ": "
                  << error_to_json(compiled.err());
    return;
  }
  if (got.size() != want.size()) {
    ADD_FAILURE() << dialect_name(dialect) << ": expected " << want.size()
                  << " statements, got " << got.size() << " for " << spec;
    return;
  }
  for (size_t i = 0; i < want.size(); ++i) {
    const std::string label =
        std::string(dialect_name(dialect)) + " statement " + std::to_string(i);
    compare(label + " SQL", spec, want[i].sql, got[i].sql);
    compare(label + " params", spec, want[i].params, params_text(got[i].params));
  }
}

}  // namespace

std::string sqlite_rows(std::string_view cells, std::string_view rest) {
  return "select '[' || coalesce(group_concat(\"r\", ','), '') || ']' from (select json_object(" +
         std::string(cells) + ") as \"r\" " + std::string(rest) + ")";
}

std::string sqlite_first(std::string_view cells, std::string_view rest) {
  return "select coalesce(group_concat(\"r\", ','), 'null') from (select json_object(" +
         std::string(cells) + ") as \"r\" " + std::string(rest) + ")";
}

std::string sqlite_bool(std::string_view cell) {
  return "json(case " + std::string(cell) + " when 1 then 'true' when 0 then 'false' end)";
}

std::string sqlite_time(std::string_view cell) {
  return "strftime('%Y-%m-%dT%H:%M:%fZ', " + std::string(cell) + " / 1000.0, 'unixepoch')";
}

std::string sqlite_numeric(std::string_view cell) {
  const std::string x(cell);
  const std::string scale = " * 4611686018427387904 * 4611686018427387904 * 4611686018427387904 * 4611686018427387904 * 256";
  const std::string unscale = " / 4611686018427387904 / 4611686018427387904 / 4611686018427387904 / 4611686018427387904 / 256";
  auto scaled = [&](const std::string& factor, int times, const char* n) {
    std::string by;
    for (int i = 0; i < times; ++i) by += factor;
    return "json_array(json(printf('%!.17g', " + x + by + ")), " + n + ")";
  };
  return "case when typeof(" + x + ") = 'real' then case when " + x + " = cast(" + x + " as integer) and abs(" + x +
         ") <= 9007199254740992 then cast(" + x + " as integer) when abs(" + x +
         ") between 1e-70 and 1e95 then json(printf('%!.17g', " + x + ")) when abs(" + x + ") > 1e249 then " +
         scaled(unscale, 3, "3") + " when abs(" + x + ") > 1e172 then " + scaled(unscale, 2, "2") + " when abs(" + x +
         ") > 1e95 then " + scaled(unscale, 1, "1") + " when abs(" + x + ") > 1e-147 then " + scaled(scale, 1, "-1") +
         " when abs(" + x + ") > 1e-224 then " + scaled(scale, 2, "-2") + " when abs(" + x + ") > 1e-301 then " +
         scaled(scale, 3, "-3") + " when " + x + " is not null then " + scaled(scale, 4, "-4") + " end else cast(" + x +
         " as text) end";
}

std::string sqlite_users_cells() {
  return R"('id', "id", 'email', "email", 'name', "name", 'role', "role", 'isActive', )" +
         sqlite_bool(R"("is_active")") + R"(, 'createdAt', )" + sqlite_time(R"("created_at")") +
         R"(, 'updatedAt', )" + sqlite_time(R"("updated_at")");
}

std::string sqlite_posts_cells() {
  return R"('id', "id", 'authorId', "author_id", 'title', "title", 'body', "body", 'published', )" +
         sqlite_bool(R"("published")") + R"(, 'createdAt', )" + sqlite_time(R"("created_at")");
}

std::string sqlite_returning(std::string_view cells) {
  return " returning json_object(" + std::string(cells) + ")";
}

std::string with_dialect(std::string_view spec, sql::dialect_id dialect) {
  std::string out = "{\"dialect\":\"" + std::string(dialect_name(dialect)) + "\"";
  const size_t body = spec.find('{') + 1;
  const bool empty = spec.find_first_not_of(" \n\t", body) == spec.rfind('}');
  if (!empty) out += ',';
  out += spec.substr(body);
  return out;
}

result<sql::compiled> compile_for(sql::dialect_id dialect, std::string_view spec,
                                  const schema::catalog& cat) {
  return sql::compile(cat, with_dialect(spec, dialect));
}

std::string params_text(const std::vector<sql::param>& params) {
  std::string out;
  for (const auto& p : params) {
    if (!out.empty()) out += ", ";
    out += p.ref ? std::to_string(*p.ref) : "=" + p.value_json;
    out += ':';
    out += sql::param_type_name(p.type);
    if (p.list) out += "[]";
  }
  return out;
}

void expect_sql(std::string_view spec, const expected_sql& pg, const expected_sql& sqlite,
                const schema::catalog& cat) {
  expect_statements(spec, {pg}, {sqlite}, cat);
}

void expect_statements(std::string_view spec, const std::vector<expected_sql>& pg,
                       const std::vector<expected_sql>& sqlite, const schema::catalog& cat) {
  check(sql::dialect_id::postgres, spec, pg, cat);
  check(sql::dialect_id::sqlite, spec, sqlite, cat);
}

void expect_error(std::string_view spec, error_code code, const std::vector<std::string>& path,
                  const schema::catalog& cat) {
  for (auto dialect : {sql::dialect_id::postgres, sql::dialect_id::sqlite}) {
    auto compiled = compile_for(dialect, spec, cat);
    if (compiled.ok()) {
      ADD_FAILURE() << dialect_name(dialect) << " compiled " << spec << " to "
                    << compiled.value().statements[0].sql << "; expected "
                    << error_code_name(code);
      continue;
    }
    EXPECT_EQ(error_code_name(compiled.err().code), error_code_name(code))
        << dialect_name(dialect) << ": " << error_to_json(compiled.err());
    EXPECT_EQ(compiled.err().path, path) << dialect_name(dialect) << ": " << error_to_json(compiled.err());
  }
}

}  // namespace sluice::testing
