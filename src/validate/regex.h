#pragma once
// A small regular-expression engine for `regex(pattern)` refinements (std::regex is far too
// large for the WASM module). It accepts the common subset of JS syntax: literals, escapes
// (\d \w \s and their negations, \n \t \xHH \uHHHH ...), classes with ranges, `.`, `^`, `$`,
// `\b`, `\B`, groups (plain, `(?:`, named), alternation, and greedy or lazy quantifiers, with
// the flags i, m, s and u. Anything else (backreferences, lookaround, \p{...}) is refused when
// compiling, never misread.
//
// test() answers RegExp.prototype.test by simulating the pattern's NFA over the text
// (Thompson's construction), so it runs in time linear in the text whatever the pattern:
// no catastrophic backtracking from a user-supplied pattern. Characters are code points
// (as with the u flag); case-insensitive matching folds ASCII letters only.
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace sluice::validate {

class regex {
 public:
  // Errors: invalid_document, naming what in the pattern is malformed or unsupported.
  [[nodiscard]] static result<regex> compile(std::string_view pattern, std::string_view flags) noexcept;

  // True when the pattern matches somewhere in `text` (UTF-8).
  [[nodiscard]] bool test(std::string_view text) const noexcept;

  enum class op : uint8_t {
    character,          // consume `arg` (a code point)
    any,                // consume anything but a line terminator (anything with the s flag)
    set,                // consume a member of sets[arg]
    line_start,         // ^
    line_end,           // $
    word_boundary,      // \b
    not_word_boundary,  // \B
    split,              // continue at `arg` and at `arg2`
    jump,               // continue at `arg`
    match,
  };

  struct instruction {
    op code;
    uint32_t arg = 0;
    uint32_t arg2 = 0;
  };

  struct char_set {
    std::vector<std::pair<uint32_t, uint32_t>> ranges;  // inclusive
    bool negated = false;
  };

  struct flags {
    bool ignore_case = false;
    bool multiline = false;
    bool dot_all = false;
  };

  regex(std::vector<instruction> program, std::vector<char_set> sets, flags f) noexcept
      : program_(std::move(program)), sets_(std::move(sets)), flags_(f) {}

 private:
  [[nodiscard]] bool consumes(const instruction& in, uint32_t cp) const noexcept;
  [[nodiscard]] bool in_set(const char_set& set, uint32_t cp) const noexcept;

  std::vector<instruction> program_;
  std::vector<char_set> sets_;
  flags flags_;
};

}  // namespace sluice::validate
