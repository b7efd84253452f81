// Syntax tree -> NFA program (regex.h). Counted repetition is expanded into copies of its
// operand, so the program size is capped to keep `(a{1000}){1000}` out.
#include <string>

#include "validate/regex.h"
#include "validate/regex_tree.h"

namespace sluice::validate {
namespace {

using op = regex::op;
using regex_tree::node;

constexpr size_t max_program = 20000;

class emitter {
 public:
  bool emit(const node& n) noexcept {
    if (program_.size() > max_program) return false;
    switch (n.k) {
      case node::kind::empty: return true;
      case node::kind::character: return push({op::character, n.value});
      case node::kind::any: return push({op::any});
      case node::kind::set: return push({op::set, n.value});
      case node::kind::assertion: return push({static_cast<op>(n.value)});
      case node::kind::concat:
        for (const node& child : n.children)
          if (!emit(child)) return false;
        return true;
      case node::kind::alternation: return emit_alternation(n);
      case node::kind::repeat: return emit_repeat(n);
    }
    return false;
  }

  std::vector<regex::instruction> finish() noexcept {
    program_.push_back({op::match});
    return std::move(program_);
  }

 private:
  bool push(regex::instruction in) noexcept {
    program_.push_back(in);
    return program_.size() <= max_program;
  }
  uint32_t here() const noexcept { return static_cast<uint32_t>(program_.size()); }

  bool emit_alternation(const node& n) noexcept {
    std::vector<uint32_t> exits;
    for (size_t i = 0; i < n.children.size(); ++i) {
      const bool last = i + 1 == n.children.size();
      const uint32_t split = here();
      if (!last && !push({op::split, split + 1, 0})) return false;
      if (!emit(n.children[i])) return false;
      if (last) break;
      exits.push_back(here());
      if (!push({op::jump})) return false;
      program_[split].arg2 = here();
    }
    for (const uint32_t at : exits) program_[at].arg = here();
    return true;
  }

  bool emit_repeat(const node& n) noexcept {
    const node& body = n.children.front();
    for (uint32_t i = 0; i < n.min; ++i)
      if (!emit(body)) return false;
    if (n.max == regex_tree::unbounded) {
      const uint32_t loop = here();
      if (!push({op::split, loop + 1, 0}) || !emit(body) || !push({op::jump, loop})) return false;
      program_[loop].arg2 = here();
      return true;
    }
    std::vector<uint32_t> splits;
    for (uint32_t i = n.min; i < n.max; ++i) {
      splits.push_back(here());
      if (!push({op::split, here() + 1, 0}) || !emit(body)) return false;
    }
    for (const uint32_t at : splits) program_[at].arg2 = here();
    return true;
  }

  std::vector<regex::instruction> program_;
};

}  // namespace

result<regex> regex::compile(std::string_view pattern, std::string_view flag_text) noexcept {
  flags f;
  bool unicode = false;
  for (const char c : flag_text) {
    switch (c) {
      case 'i': f.ignore_case = true; break;
      case 'm': f.multiline = true; break;
      case 's': f.dot_all = true; break;
      case 'u': unicode = true; break;
      default: return regex_tree::bad_pattern(std::string("flag '") + c + "' is not supported");
    }
  }
  std::vector<char_set> sets;
  auto tree = regex_tree::parse(pattern, unicode, sets);
  if (!tree.ok()) return std::move(tree.err());
  emitter e;
  if (!e.emit(tree.value())) return regex_tree::bad_pattern("pattern too large");
  return regex(e.finish(), std::move(sets), f);
}

}  // namespace sluice::validate
