#include "core/error.h"

#include "core/json_writer.h"

namespace sluice {

std::string_view error_code_name(error_code code) noexcept {
  switch (code) {
    case error_code::invalid_json: return "invalid_json";
    case error_code::invalid_document: return "invalid_document";
    case error_code::unknown_table: return "unknown_table";
    case error_code::unknown_column: return "unknown_column";
    case error_code::unknown_relation: return "unknown_relation";
    case error_code::unknown_enum: return "unknown_enum";
    case error_code::unknown_schema: return "unknown_schema";
    case error_code::unknown_plan: return "unknown_plan";
    case error_code::unknown_validator: return "unknown_validator";
    case error_code::unsupported_feature: return "unsupported_feature";
    case error_code::invalid_value: return "invalid_value";
    case error_code::too_many_parameters: return "too_many_parameters";
    case error_code::invalid_result: return "invalid_result";
    case error_code::num_error_codes: break;
  }
  return "unknown";
}

error make_error(error_code code, std::string message, std::vector<std::string> path) noexcept {
  return error{code, std::move(message), std::move(path)};
}

std::string error_to_json(const error& e) noexcept {
  json_writer w;
  w.begin_object();
  w.key("code");
  w.string(error_code_name(e.code));
  w.key("message");
  w.string(e.message);
  if (!e.path.empty()) {
    w.key("path");
    w.begin_array();
    for (const auto& p : e.path) w.string(p);
    w.end_array();
  }
  w.end_object();
  return w.take();
}

}  // namespace sluice
