#pragma once
// The closed list of errors the core can report. Codes are the stable API; messages are
// for people. Every public function documents which codes it can return.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sluice {

enum class error_code : uint8_t {
  invalid_json,
  invalid_document,
  unknown_table,
  unknown_column,
  unknown_relation,
  unknown_enum,
  unknown_schema,
  unknown_plan,
  unknown_validator,
  unsupported_feature,
  invalid_value,
  too_many_parameters,
  invalid_result,
  num_error_codes
};

[[nodiscard]] std::string_view error_code_name(error_code code) noexcept;

struct error {
  error_code code;
  std::string message;
  std::vector<std::string> path;
};

[[nodiscard]] error make_error(error_code code, std::string message,
                               std::vector<std::string> path = {}) noexcept;

// {"code":"...","message":"...","path":[...]} as sent across the ABI.
[[nodiscard]] std::string error_to_json(const error& e) noexcept;

}  // namespace sluice
