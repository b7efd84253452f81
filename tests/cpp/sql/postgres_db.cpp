#include "postgres_db.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <utility>

#include "migrate/ddl.h"
#include "sql/compiled_json.h"

namespace sluice::testing {
namespace {

constexpr sql::param_type all_types[] = {
    sql::param_type::integer, sql::param_type::bigint, sql::param_type::real,
    sql::param_type::numeric, sql::param_type::text,   sql::param_type::boolean,
    sql::param_type::timestamp, sql::param_type::date, sql::param_type::json,
    sql::param_type::uuid,    sql::param_type::any};

// The Postgres types a value of each golden type may be bound to: its own, or a wider one of
// the same kind that holds it exactly (`limit $1` is a bigint).
const std::set<std::string>& accepted_types(sql::param_type t) {
  static const std::map<sql::param_type, std::set<std::string>> table = {
      {sql::param_type::integer, {"smallint", "integer", "bigint", "numeric"}},
      {sql::param_type::bigint, {"bigint", "numeric"}},
      {sql::param_type::real, {"real", "double precision", "numeric"}},
      {sql::param_type::numeric, {"numeric"}},
      {sql::param_type::text, {"text", "character varying", "character"}},
      {sql::param_type::boolean, {"boolean"}},
      {sql::param_type::timestamp, {"timestamp with time zone", "timestamp without time zone"}},
      {sql::param_type::date, {"date"}},
      {sql::param_type::json, {"json", "jsonb"}},
      {sql::param_type::uuid, {"uuid"}},
  };
  static const std::set<std::string> none;
  const auto it = table.find(t);
  return it == table.end() ? none : it->second;
}

// The fixture's libpq URL, or why there is none.
std::pair<std::string, std::string> server_url() {
  const char* state = std::getenv("SLUICE_TEST_PG_STATE");
  if (state == nullptr || *state == '\0')
    return {{}, "SLUICE_TEST_PG_STATE is not set: run the tests through ctest, whose fixture "
                "starts PostgreSQL (tests/cpp/sql/postgres_fixture.sh)"};
  std::ifstream in(state);
  for (std::string line; std::getline(in, line);)
    if (line.rfind("url=", 0) == 0) return {line.substr(4), {}};
  return {{}, std::string("no PostgreSQL URL in ") + state + ": did the postgres_start fixture fail?"};
}

std::string quoted(const std::string& identifier) { return "\"" + identifier + "\""; }

}  // namespace

postgres_db::postgres_db(const schema::catalog& cat) {
  auto [url, problem] = server_url();
  if (!problem.empty()) {
    setup_problem_ = problem;
    return;
  }
  conn_ = PQconnectdb(url.c_str());
  if (PQstatus(conn_) != CONNECTION_OK) {
    setup_problem_ = "cannot connect to the goldens' PostgreSQL: " + std::string(PQerrorMessage(conn_));
    return;
  }
  static unsigned next_schema = 0;
  const std::string schema_name =
      "golden_" + std::to_string(getpid()) + "_" + std::to_string(next_schema++);
  for (const std::string& sql :
       {std::string("begin"), "create schema " + quoted(schema_name),
        "set local search_path to " + quoted(schema_name)}) {
    if (std::string e = exec(sql); !e.empty()) {
      setup_problem_ = e;
      return;
    }
  }
  for (const auto& statement : migrate::create_schema_ddl(cat, sql::dialect_id::postgres)) {
    if (std::string e = exec(statement); !e.empty()) {
      setup_problem_ = "the schema's own DDL failed: " + e;
      return;
    }
  }
}

postgres_db::~postgres_db() { PQfinish(conn_); }

std::string postgres_db::exec(const std::string& sql) {
  std::unique_ptr<PGresult, decltype(&PQclear)> res(PQexec(conn_, sql.c_str()), &PQclear);
  const auto status = PQresultStatus(res.get());
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return {};
  return sql + "\n  " + PQresultErrorMessage(res.get());
}

std::string postgres_db::prepare_problem(const std::string& sql,
                                         const std::vector<golden_param>& params) {
  if (!setup_problem_.empty()) return setup_problem_;
  // Named statements: the unnamed one would be replaced by the next describe's queries.
  const std::string name = "golden_" + std::to_string(statement_count_++);
  // A refused statement aborts the transaction holding the tables: undo just that statement.
  if (std::string e = exec("savepoint golden"); !e.empty()) return e;
  std::unique_ptr<PGresult, decltype(&PQclear)> prepared(
      PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr), &PQclear);
  if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) {
    const std::string refused = PQresultErrorMessage(prepared.get());
    if (std::string e = exec("rollback to savepoint golden"); !e.empty()) setup_problem_ = e;
    return refused;
  }
  std::unique_ptr<PGresult, decltype(&PQclear)> described(PQdescribePrepared(conn_, name.c_str()),
                                                         &PQclear);
  if (PQresultStatus(described.get()) != PGRES_COMMAND_OK)
    return PQresultErrorMessage(described.get());
  const auto count = static_cast<size_t>(PQnparams(described.get()));
  if (count != params.size())
    return "Postgres counts " + std::to_string(count) + " parameters, the golden lists " +
           std::to_string(params.size());
  for (size_t i = 0; i < count; ++i) {
    const std::string problem = type_problem(i, params[i], PQparamtype(described.get(), static_cast<int>(i)));
    if (!problem.empty()) return problem;
  }
  return {};
}

std::string postgres_db::query_plan(const std::string& sql, const std::string& args) {
  if (!setup_problem_.empty()) return setup_problem_;
  const std::string name = "plan_" + std::to_string(statement_count_++);
  std::unique_ptr<PGresult, decltype(&PQclear)> prepared(
      PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr), &PQclear);
  if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) return PQresultErrorMessage(prepared.get());
  if (std::string e = exec("set local enable_seqscan = off"); !e.empty()) return e;
  const std::string explain = "explain (costs off) execute " + name + "(" + args + ")";
  std::unique_ptr<PGresult, decltype(&PQclear)> res(PQexec(conn_, explain.c_str()), &PQclear);
  if (PQresultStatus(res.get()) != PGRES_TUPLES_OK) return PQresultErrorMessage(res.get());
  std::string out;
  for (int row = 0; row < PQntuples(res.get()); ++row) out += std::string(PQgetvalue(res.get(), row, 0)) + "\n";
  return out;
}

std::string postgres_db::type_problem(size_t index, golden_param want, unsigned oid) {
  if (want.type == sql::param_type::any && !want.list) return {};
  // A list parameter must be an array; its element type is checked as a plain parameter's.
  const std::string type = want.list ? "(select typelem from pg_type where oid = " + std::to_string(oid) + ")"
                                     : std::to_string(oid);
  const std::string query = "select format_type(oid, null), typtype from pg_type where oid = " + type;
  std::unique_ptr<PGresult, decltype(&PQclear)> res(PQexec(conn_, query.c_str()), &PQclear);
  const std::string what = "parameter $" + std::to_string(index + 1);
  if (PQresultStatus(res.get()) != PGRES_TUPLES_OK || PQntuples(res.get()) != 1)
    return want.list ? what + " is not an array" : "cannot name the type of " + what;
  const std::string inferred = PQgetvalue(res.get(), 0, 0);
  if (want.type == sql::param_type::any) return {};
  // An enum column takes its values as text.
  const bool is_enum = std::string(PQgetvalue(res.get(), 0, 1)) == "e";
  if (accepted_types(want.type).count(inferred) || (is_enum && want.type == sql::param_type::text))
    return {};
  return "Postgres takes " + what + " as " + inferred + (want.list ? "[]" : "") +
         ", the golden binds it as " + std::string(sql::param_type_name(want.type)) +
         (want.list ? "[]" : "");
}

postgres_db& postgres_for(const schema::catalog& cat) {
  static std::map<const schema::catalog*, std::unique_ptr<postgres_db>> databases;
  auto& slot = databases[&cat];
  if (!slot) slot = std::make_unique<postgres_db>(cat);
  return *slot;
}

std::vector<golden_param> golden_param_types(const std::string& params) {
  // Each item ends in `:<type>` or `:<type>[]` followed by `, ` or the end; a constant's own
  // text comes before it, so the items are found by their endings, left to right.
  std::vector<std::pair<size_t, golden_param>> found;
  for (const sql::param_type t : all_types) {
    for (const bool list : {false, true}) {
      const std::string ending = ":" + std::string(sql::param_type_name(t)) + (list ? "[]" : "");
      for (size_t at = params.find(ending); at != std::string::npos; at = params.find(ending, at + 1)) {
        const size_t after = at + ending.size();
        if (after == params.size() || params.compare(after, 2, ", ") == 0)
          found.emplace_back(at, golden_param{t, list});
      }
    }
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<golden_param> out;
  for (const auto& [at, p] : found) out.push_back(p);
  return out;
}

}  // namespace sluice::testing
