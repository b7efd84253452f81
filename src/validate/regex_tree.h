#pragma once
// The regex engine's syntax tree: what regex_parse.cpp reads from a pattern and
// regex_compile.cpp turns into an NFA program. Internal to the engine.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "validate/regex.h"

namespace sluice::validate::regex_tree {

inline constexpr uint32_t unbounded = UINT32_MAX;

// A pattern's structure: `value` is a code point (character), an index into the sets (set) or
// a regex::op (assertion); repeat has one child and bounds min..max.
struct node {
  enum class kind : uint8_t { empty, character, any, set, assertion, concat, alternation, repeat };
  kind k = kind::empty;
  uint32_t value = 0;  // code point, set index, or assertion op
  uint32_t min = 0, max = 0;
  std::vector<node> children;
};

[[nodiscard]] node make_node(node::kind k, uint32_t value = 0) noexcept;

// Parses a pattern into a tree; `sets` receives the character classes the tree refers to.
// Errors: invalid_document.
[[nodiscard]] result<node> parse(std::string_view pattern, bool unicode,
                                 std::vector<regex::char_set>& sets) noexcept;

// An invalid_document error about the pattern.
[[nodiscard]] error bad_pattern(std::string message) noexcept;

}  // namespace sluice::validate::regex_tree
