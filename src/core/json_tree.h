#pragma once
// A small read-only JSON tree for the cold-path documents (schema, spec, validator, plan
// request) and its own recursive-descent parser. These documents are small and read once, so
// a plain parser serves them; simdjson (its DOM, or on-demand code inlined into every reader)
// would cost the Worker's module tens of KB for no measurable gain.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace sluice::dom {

enum class json_kind : uint8_t { null, boolean, number, string, array, object };

// One value in pre-order: a container's members follow it, `size` nodes in all.
struct node {
  json_kind kind = json_kind::null;
  bool boolean = false;
  uint32_t size = 1;
  std::string_view key;   // as a member of an object, escapes resolved
  std::string_view text;  // strings: escapes resolved; numbers: the token
};

class object;
class array;

// A view of one node; valid while its document lives.
class element {
 public:
  element() noexcept = default;
  explicit element(const node* n) noexcept : node_(n) {}

  [[nodiscard]] json_kind kind() const noexcept { return node_->kind; }
  [[nodiscard]] bool is_null() const noexcept { return node_->kind == json_kind::null; }
  [[nodiscard]] std::optional<std::string_view> get_string() const noexcept;
  [[nodiscard]] std::optional<bool> get_bool() const noexcept;
  // Integers only (no fraction or exponent) within the type's range.
  [[nodiscard]] std::optional<int64_t> get_int64() const noexcept;
  [[nodiscard]] std::optional<uint64_t> get_uint64() const noexcept;
  [[nodiscard]] std::optional<double> get_double() const noexcept;
  [[nodiscard]] std::optional<object> get_object() const noexcept;
  [[nodiscard]] std::optional<array> get_array() const noexcept;
  [[nodiscard]] const node* raw() const noexcept { return node_; }

 private:
  const node* node_ = nullptr;
};

struct member {
  std::string_view key;
  element value;
};

// Iterates the children of a container node, skipping each child's subtree.
template <typename Item>
class child_iterator {
 public:
  explicit child_iterator(const node* n) noexcept : node_(n) {}
  Item operator*() const noexcept;
  child_iterator& operator++() noexcept {
    node_ += node_->size;
    return *this;
  }
  bool operator!=(const child_iterator& other) const noexcept { return node_ != other.node_; }

 private:
  const node* node_;
};

template <>
inline element child_iterator<element>::operator*() const noexcept { return element(node_); }
template <>
inline member child_iterator<member>::operator*() const noexcept {
  return {node_->key, element(node_)};
}

// Members keep document order; a repeated key is found at its first appearance.
class object {
 public:
  object() noexcept = default;
  explicit object(const node* n) noexcept : node_(n) {}
  [[nodiscard]] child_iterator<member> begin() const noexcept {
    return child_iterator<member>(node_ + 1);
  }
  [[nodiscard]] child_iterator<member> end() const noexcept {
    return child_iterator<member>(node_ + node_->size);
  }
  [[nodiscard]] std::optional<element> find(std::string_view key) const noexcept;

 private:
  const node* node_ = nullptr;
};

class array {
 public:
  array() noexcept = default;
  explicit array(const node* n) noexcept : node_(n) {}
  [[nodiscard]] child_iterator<element> begin() const noexcept {
    return child_iterator<element>(node_ + 1);
  }
  [[nodiscard]] child_iterator<element> end() const noexcept {
    return child_iterator<element>(node_ + node_->size);
  }
  [[nodiscard]] size_t size() const noexcept;

 private:
  const node* node_ = nullptr;
};

// Owns a parsed document: a copy of the text, the strings that had escapes, and the nodes.
// Elements point into it, so it is neither copied nor moved.
class document {
 public:
  document() noexcept = default;
  document(const document&) = delete;
  document& operator=(const document&) = delete;

  // The grammar of RFC 8259 over UTF-8 text; strings must stay UTF-8 once unescaped (no lone
  // surrogate escapes). Errors: invalid_json (naming the byte offset), also past 128 levels of
  // arrays and objects.
  [[nodiscard]] result<element> parse(std::string_view text) noexcept;

 private:
  std::string input_;
  std::string unescaped_;  // reserved to the text's size up front, so views into it stay valid
  std::vector<node> nodes_;
};

[[nodiscard]] inline result<element> parse(document& doc, std::string_view text) noexcept {
  return doc.parse(text);
}

}  // namespace sluice::dom
