// The only extern "C" surface of the module (listed in exports.txt). Every call reads its
// input from the buffer handed out by sluice_input_buffer, returns a status, and leaves its
// answer in the response buffer until sluice_response_release. JS never reads C structs.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/json_writer.h"
#include "decode/decode.h"
#include "decode/plan_store.h"
#include "migrate/ddl.h"
#include "migrate/plan_json.h"
#include "migrate/snapshot.h"
#include "schema/load_schema.h"
#include "simdjson.h"
#include "sql/compile.h"
#include "sql/compiled_json.h"
#include "validate/validator.h"

namespace {

enum call_status : int32_t { status_ok = 0, status_error = 1, status_invalid = 2 };

// Caches that live as long as the module: catalogs, decode plans and validators are created
// once per schema, statement shape and validator, and referred to by index from JS.
std::string input;
// The answer of the last call: `response`, or for a decode the bytes of `decoded`, which
// keeps its buffer between decodes so the output is written once and copied out once.
std::string response;
sluice::json_writer decoded;
std::string_view answer;
std::vector<std::unique_ptr<sluice::schema::catalog>> schemas;
sluice::decode::plan_store plans;
std::vector<std::unique_ptr<sluice::validate::validator>> validators;

int32_t fail(const sluice::error& e) {
  response = sluice::error_to_json(e);
  answer = response;
  return status_error;
}

int32_t succeed(std::string body) {
  response = std::move(body);
  answer = response;
  return status_ok;
}

int32_t fail_unknown(sluice::error_code code, std::string_view what, int32_t id) {
  return fail(sluice::make_error(code, "no " + std::string(what) + " " + std::to_string(id)));
}

std::string_view input_view(size_t len) { return std::string_view(input.data(), len); }

std::string id_document(std::string_view key, size_t id) {
  sluice::json_writer w;
  w.begin_object();
  w.key(key);
  w.uint64(id);
  w.end_object();
  return w.take();
}

const sluice::schema::catalog* find_schema(int32_t id) {
  if (id < 0 || static_cast<size_t>(id) >= schemas.size()) return nullptr;
  return schemas[static_cast<size_t>(id)].get();
}

}  // namespace

extern "C" {

uint8_t* sluice_input_buffer(size_t len) {
  if (input.size() < len + simdjson::SIMDJSON_PADDING) input.resize(len + simdjson::SIMDJSON_PADDING);
  return reinterpret_cast<uint8_t*>(input.data());
}

const uint8_t* sluice_response_ptr() { return reinterpret_cast<const uint8_t*>(answer.data()); }

size_t sluice_response_len() { return answer.size(); }

void sluice_response_release() {
  answer = {};
  response.clear();
  if (response.capacity() > (1u << 20)) response.shrink_to_fit();
  decoded.clear();
  if (decoded.capacity() > (1u << 20)) decoded.release();
}

int32_t sluice_load_schema(size_t len) {
  auto loaded = sluice::schema::load_schema(input_view(len));
  if (!loaded.ok()) return fail(loaded.err());
  schemas.push_back(std::make_unique<sluice::schema::catalog>(std::move(loaded.value())));
  return succeed(id_document("schema", schemas.size() - 1));
}

int32_t sluice_compile(int32_t schema_id, size_t len) {
  const auto* cat = find_schema(schema_id);
  if (!cat) return fail_unknown(sluice::error_code::unknown_schema, "schema", schema_id);
  auto compiled = sluice::sql::compile(*cat, input_view(len));
  if (!compiled.ok()) return fail(compiled.err());
  auto body = sluice::sql::compiled_to_json(compiled.value(), plans.next_id());
  plans.add(std::move(compiled.value().plan));
  return succeed(std::move(body));
}

int32_t sluice_release(int32_t plan_id) {
  if (!plans.release(plan_id)) return fail_unknown(sluice::error_code::unknown_plan, "plan", plan_id);
  return succeed("{}");
}

int32_t sluice_decode(int32_t plan_id, int32_t format, size_t len) {
  const sluice::decode::plan* plan = plans.find(plan_id);
  if (!plan) return fail_unknown(sluice::error_code::unknown_plan, "plan", plan_id);
  auto done = sluice::decode::decode_into(*plan,
                                          static_cast<sluice::decode::input_format>(format),
                                          input_view(len), decoded);
  if (!done.ok()) return fail(done.err());
  answer = decoded.str();
  return status_ok;
}

int32_t sluice_register_validator(int32_t schema_id, size_t len) {
  const auto* cat = find_schema(schema_id);
  if (!cat) return fail_unknown(sluice::error_code::unknown_schema, "schema", schema_id);
  auto loaded = sluice::validate::load_validator(*cat, input_view(len));
  if (!loaded.ok()) return fail(loaded.err());
  validators.push_back(std::make_unique<sluice::validate::validator>(std::move(loaded.value())));
  return succeed(id_document("validator", validators.size() - 1));
}

int32_t sluice_validate(int32_t validator_id, size_t len) {
  if (validator_id < 0 || static_cast<size_t>(validator_id) >= validators.size())
    return fail_unknown(sluice::error_code::unknown_validator, "validator", validator_id);
  auto out = sluice::validate::validate(*validators[static_cast<size_t>(validator_id)], input_view(len));
  response = std::move(out.json);
  answer = response;
  switch (out.kind) {
    case sluice::validate::outcome::kind::accepted: return status_ok;
    case sluice::validate::outcome::kind::rejected: return status_invalid;
    case sluice::validate::outcome::kind::malformed: return status_error;
  }
  return status_error;
}

int32_t sluice_schema_ddl(int32_t schema_id, int32_t dialect) {
  const auto* cat = find_schema(schema_id);
  if (!cat) return fail_unknown(sluice::error_code::unknown_schema, "schema", schema_id);
  const auto id = dialect == 0 ? sluice::sql::dialect_id::postgres : sluice::sql::dialect_id::sqlite;
  sluice::json_writer w;
  w.begin_object();
  w.key("statements");
  w.begin_array();
  for (const auto& statement : sluice::migrate::create_schema_ddl(*cat, id)) w.string(statement);
  w.end_array();
  w.end_object();
  return succeed(w.take());
}

int32_t sluice_snapshot(int32_t schema_id) {
  const auto* cat = find_schema(schema_id);
  if (!cat) return fail_unknown(sluice::error_code::unknown_schema, "schema", schema_id);
  return succeed(sluice::migrate::snapshot_json(*cat));
}

int32_t sluice_migration_plan(size_t len) {
  auto plan = sluice::migrate::migration_plan_json(input_view(len));
  if (!plan.ok()) return fail(plan.err());
  return succeed(std::move(plan.value()));
}

}  // extern "C"
