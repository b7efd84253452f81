// Thompson simulation of a compiled pattern: the set of live NFA states advances one code
// point at a time, and a new attempt starts at every position, so test() is linear in the
// text. Only existence of a match matters, which is why priorities (greedy/lazy) are ignored.
#include <vector>

#include "validate/regex.h"
#include "validate/unicode.h"

namespace sluice::validate {
namespace {

constexpr uint32_t no_char = UINT32_MAX;  // before the start or past the end of the text

bool is_line_terminator(uint32_t cp) noexcept {
  return cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029;
}

bool is_word(uint32_t cp) noexcept {
  return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
}

uint32_t other_case(uint32_t cp) noexcept {
  if (cp >= 'a' && cp <= 'z') return cp - 32;
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  return cp;
}

// The characters around one position of the text, for the zero-width assertions.
struct position {
  uint32_t before = no_char;
  uint32_t after = no_char;
};

class simulation {
 public:
  simulation(const std::vector<regex::instruction>& program, bool multiline) noexcept
      : program_(program), multiline_(multiline), marks_(program.size(), 0) {}

  // Adds the state `pc` and everything reachable from it without consuming (its closure)
  // to `list`. Returns true when the closure reaches `match`.
  bool add(std::vector<uint32_t>& list, uint32_t pc, position at) noexcept {
    stack_.clear();
    stack_.push_back(pc);
    while (!stack_.empty()) {
      const uint32_t p = stack_.back();
      stack_.pop_back();
      if (marks_[p] == generation_) continue;
      marks_[p] = generation_;
      const regex::instruction& in = program_[p];
      switch (in.code) {
        case regex::op::match: return true;
        case regex::op::jump: stack_.push_back(in.arg); break;
        case regex::op::split:
          stack_.push_back(in.arg2);
          stack_.push_back(in.arg);
          break;
        case regex::op::line_start:
          if (at.before == no_char || (multiline_ && is_line_terminator(at.before))) stack_.push_back(p + 1);
          break;
        case regex::op::line_end:
          if (at.after == no_char || (multiline_ && is_line_terminator(at.after))) stack_.push_back(p + 1);
          break;
        case regex::op::word_boundary:
        case regex::op::not_word_boundary: {
          const bool boundary = is_word(at.before) != is_word(at.after);
          if (boundary == (in.code == regex::op::word_boundary)) stack_.push_back(p + 1);
          break;
        }
        case regex::op::character:
        case regex::op::any:
        case regex::op::set: list.push_back(p); break;
      }
    }
    return false;
  }

  // Starts a new step: states added from now on belong to the next position.
  void next_generation() noexcept { ++generation_; }

 private:
  const std::vector<regex::instruction>& program_;
  bool multiline_;
  std::vector<uint32_t> marks_;
  uint32_t generation_ = 1;
  std::vector<uint32_t> stack_;
};

}  // namespace

bool regex::in_set(const char_set& set, uint32_t cp) const noexcept {
  auto contains = [&](uint32_t c) {
    for (const auto& [lo, hi] : set.ranges)
      if (c >= lo && c <= hi) return true;
    return false;
  };
  bool found = contains(cp);
  if (!found && flags_.ignore_case) found = contains(other_case(cp));
  return found != set.negated;
}

bool regex::consumes(const instruction& in, uint32_t cp) const noexcept {
  switch (in.code) {
    case op::character:
      return cp == in.arg || (flags_.ignore_case && other_case(cp) == in.arg);
    case op::any: return flags_.dot_all || !is_line_terminator(cp);
    case op::set: return in_set(sets_[in.arg], cp);
    default: return false;
  }
}

bool regex::test(std::string_view text) const noexcept {
  simulation sim(program_, flags_.multiline);
  std::vector<uint32_t> current, next;
  size_t i = 0;
  position at;
  if (!text.empty()) {
    size_t peek = 0;
    at.after = decode_utf8(text, peek);
  }
  if (sim.add(current, 0, at)) return true;
  while (i < text.size()) {
    const uint32_t cp = decode_utf8(text, i);
    position after{cp, no_char};
    if (i < text.size()) {
      size_t peek = i;
      after.after = decode_utf8(text, peek);
    }
    sim.next_generation();
    next.clear();
    for (const uint32_t pc : current)
      if (consumes(program_[pc], cp) && sim.add(next, pc + 1, after)) return true;
    if (sim.add(next, 0, after)) return true;
    current.swap(next);
  }
  return false;
}

}  // namespace sluice::validate
