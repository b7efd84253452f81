#pragma once
// Small readers over simdjson's DOM for the cold-path documents (schema, spec, validator):
// each turns a missing or mistyped member into an invalid_document error with its path.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "simdjson.h"

namespace sluice::dom {

using element = simdjson::dom::element;
using object = simdjson::dom::object;
using array = simdjson::dom::array;

// Errors: invalid_json.
[[nodiscard]] result<element> parse(simdjson::dom::parser& parser, std::string_view text) noexcept;

[[nodiscard]] error invalid(std::string message, std::vector<std::string> path = {}) noexcept;

[[nodiscard]] result<object> as_object(element e, std::string_view what) noexcept;
[[nodiscard]] result<array> as_array(element e, std::string_view what) noexcept;
[[nodiscard]] std::optional<element> member(object o, std::string_view key) noexcept;
[[nodiscard]] result<std::string> required_string(object o, std::string_view key) noexcept;
[[nodiscard]] result<std::string> optional_string(object o, std::string_view key,
                                                  std::string_view fallback = {}) noexcept;
[[nodiscard]] bool optional_bool(object o, std::string_view key, bool fallback = false) noexcept;
[[nodiscard]] result<std::optional<int64_t>> optional_int(object o, std::string_view key) noexcept;
// An array of strings; a missing member is an empty list.
[[nodiscard]] result<std::vector<std::string>> string_list(object o, std::string_view key) noexcept;
// Serialises an element back to compact JSON text.
[[nodiscard]] std::string to_json(element e) noexcept;

}  // namespace sluice::dom
