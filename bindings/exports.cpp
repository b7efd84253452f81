// The only extern "C" surface of the module. Every call reads its input from the buffer
// handed out by sluice_input_buffer, returns a status, and leaves its answer in the
// response buffer until sluice_response_release. JS never reads C structs.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/json_writer.h"
#include "schema/load_schema.h"
#include "simdjson.h"

namespace {

enum call_status : int32_t { status_ok = 0, status_error = 1, status_invalid = 2 };

std::string input;  // reused across calls; always SIMDJSON_PADDING bytes longer than asked
std::string response;

std::vector<std::unique_ptr<sluice::schema::catalog>> schemas;

int32_t fail(const sluice::error& e) {
  response = sluice::error_to_json(e);
  return status_error;
}

int32_t succeed(std::string body) {
  response = std::move(body);
  return status_ok;
}

std::string_view input_view(size_t len) { return std::string_view(input.data(), len); }

}  // namespace

extern "C" {

uint8_t* sluice_input_buffer(size_t len) {
  if (input.size() < len + simdjson::SIMDJSON_PADDING) input.resize(len + simdjson::SIMDJSON_PADDING);
  return reinterpret_cast<uint8_t*>(input.data());
}

const uint8_t* sluice_response_ptr() { return reinterpret_cast<const uint8_t*>(response.data()); }

size_t sluice_response_len() { return response.size(); }

void sluice_response_release() {
  response.clear();
  if (response.capacity() > (1u << 20)) response.shrink_to_fit();
}

int32_t sluice_load_schema(size_t len) {
  auto loaded = sluice::schema::load_schema(input_view(len));
  if (!loaded.ok()) return fail(loaded.err());
  schemas.push_back(std::make_unique<sluice::schema::catalog>(std::move(loaded.value())));
  sluice::json_writer w;
  w.begin_object();
  w.key("schema");
  w.int64(static_cast<int64_t>(schemas.size() - 1));
  w.end_object();
  return succeed(w.take());
}

}  // extern "C"
