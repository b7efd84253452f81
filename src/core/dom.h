#pragma once
// Readers over the JSON tree for the cold-path documents: each turns a missing or mistyped
// member into an invalid_document error.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_tree.h"
#include "core/result.h"

namespace sluice::dom {

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
// Serialises an element back to compact JSON text (number tokens as written).
[[nodiscard]] std::string to_json(element e) noexcept;

}  // namespace sluice::dom
