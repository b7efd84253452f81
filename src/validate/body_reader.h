#pragma once
// Reads a request body object in one forward pass: each known key's value goes to its
// column's slot (a repeated key overwrites, as JSON.parse keeps the last), unknown keys are
// named once each. Every value is read in full, so malformed JSON anywhere is found before any
// issue is reported, as JSON.parse would fail before zod ran.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "simdjson.h"
#include "validate/validator.h"

namespace sluice::validate {

struct slot {
  bool present = false;
  simdjson::ondemand::json_type type = simdjson::ondemand::json_type::null;
  double number = 0;
  bool boolean = false;
  std::string_view body;  // strings: the raw text between the quotes (written back from it);
                          // json: the value as sent, for the text rule (the copy alters keys)
  std::string_view text;  // strings: the content, escapes resolved
  std::string json;       // json columns: the value, copied compactly
  int64_t epoch_ms = 0;   // timestamps, once checked
};

struct request_body {
  std::vector<slot> slots;                     // one per column rule
  std::vector<std::string_view> unknown_keys;  // strict mode: first-appearance order, each once
};

// Errors: invalid_json.
[[nodiscard]] status read_body(const validator& v, simdjson::ondemand::object object,
                               request_body& body) noexcept;

// Reads a value no column wants, only to prove it is JSON. Errors: invalid_json.
[[nodiscard]] status skip_value(simdjson::ondemand::value value) noexcept;

// zod's name for a JSON type in "received ..." messages.
[[nodiscard]] std::string_view type_name(simdjson::ondemand::json_type type) noexcept;

}  // namespace sluice::validate
