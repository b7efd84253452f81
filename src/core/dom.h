#pragma once
// Readers over the JSON tree for the cold-path documents: each turns a missing or mistyped
// member into an invalid_document error.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
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
// A member of `o` outside `allowed` is an invalid_document error naming it (its path is `path`
// plus the key), and so is a member given twice: a misspelled member must never be read as an
// absent one, nor one of two values silently win.
[[nodiscard]] status only_members(object o, std::span<const std::string_view> allowed,
                                  const std::vector<std::string>& path) noexcept;
[[nodiscard]] inline status only_members(object o, std::initializer_list<std::string_view> allowed,
                                         const std::vector<std::string>& path) noexcept {
  return only_members(o, std::span<const std::string_view>(allowed.begin(), allowed.size()), path);
}
// Serialises an element back to compact JSON text (number tokens as written).
[[nodiscard]] std::string to_json(element e) noexcept;

}  // namespace sluice::dom
