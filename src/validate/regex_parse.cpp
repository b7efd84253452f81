// Pattern text -> syntax tree (regex_tree.h): a recursive-descent reader of the JS pattern
// subset regex.h lists, refusing everything else by name.
#include <algorithm>
#include <optional>
#include <string>

#include "validate/regex_tree.h"
#include "validate/unicode.h"

namespace sluice::validate::regex_tree {
namespace {

using op = regex::op;

constexpr uint32_t max_repeat = 1000;
// Parsing, emitting and freeing the tree each recurse once per group level: this bound keeps
// them within the WebAssembly module's stack (CMakeLists.txt records the arithmetic).
constexpr size_t max_group_depth = 64;
constexpr uint32_t max_code_point = 0x10FFFF;

void add_range(regex::char_set& set, uint32_t lo, uint32_t hi) noexcept { set.ranges.emplace_back(lo, hi); }

// \d \w \s and their negations, as ranges (a negation is the complement of the ranges).
void add_class_escape(regex::char_set& set, char letter) noexcept {
  regex::char_set base;
  switch (letter | 0x20) {
    case 'd': add_range(base, '0', '9'); break;
    case 'w':
      add_range(base, '0', '9');
      add_range(base, 'A', 'Z');
      add_range(base, '_', '_');
      add_range(base, 'a', 'z');
      break;
    default:  // 's': JS WhiteSpace and LineTerminator
      for (auto [lo, hi] : {std::pair<uint32_t, uint32_t>{0x09, 0x0D}, {0x20, 0x20}, {0xA0, 0xA0},
                            {0x1680, 0x1680}, {0x2000, 0x200A}, {0x2028, 0x2029}, {0x202F, 0x202F},
                            {0x205F, 0x205F}, {0x3000, 0x3000}, {0xFEFF, 0xFEFF}})
        add_range(base, lo, hi);
  }
  if (letter >= 'a') {
    set.ranges.insert(set.ranges.end(), base.ranges.begin(), base.ranges.end());
    return;
  }
  uint32_t next = 0;
  for (auto [lo, hi] : base.ranges) {
    if (lo > next) add_range(set, next, lo - 1);
    next = hi + 1;
  }
  add_range(set, next, max_code_point);
}

class parser {
 public:
  parser(std::vector<uint32_t> cps, bool unicode) : cps_(std::move(cps)), unicode_(unicode) {}

  result<node> parse() noexcept {
    node tree = alternation();
    if (failure_) return std::move(*failure_);
    if (pos_ != cps_.size()) return bad_pattern("unmatched ')'");
    return tree;
  }

  std::vector<regex::char_set> take_sets() noexcept { return std::move(sets_); }

 private:
  bool at_end() const noexcept { return pos_ >= cps_.size(); }
  uint32_t peek(size_t ahead = 0) const noexcept {
    return pos_ + ahead < cps_.size() ? cps_[pos_ + ahead] : 0;
  }
  node fail(std::string message) noexcept {
    if (!failure_) failure_ = bad_pattern(std::move(message));
    return node{};
  }

  node alternation() noexcept {
    node first = concat();
    if (at_end() || peek() != '|') return first;
    node alt = make_node(node::kind::alternation);
    alt.children.push_back(std::move(first));
    while (!failure_ && !at_end() && peek() == '|') {
      ++pos_;
      alt.children.push_back(concat());
    }
    return alt;
  }

  node concat() noexcept {
    node seq = make_node(node::kind::concat);
    while (!failure_ && !at_end() && peek() != '|' && peek() != ')') seq.children.push_back(term());
    return seq;
  }

  node term() noexcept {
    const uint32_t c = peek();
    if (c == '^' || c == '$') {
      ++pos_;
      return make_node(node::kind::assertion, static_cast<uint32_t>(c == '^' ? op::line_start : op::line_end));
    }
    if (c == '\\' && (peek(1) == 'b' || peek(1) == 'B')) {
      const bool boundary = peek(1) == 'b';
      pos_ += 2;
      return make_node(node::kind::assertion,
                       static_cast<uint32_t>(boundary ? op::word_boundary : op::not_word_boundary));
    }
    node operand = atom();
    return quantified(std::move(operand));
  }

  // Annex B: a `{` that does not start a well-formed quantifier is a literal.
  bool read_braces(uint32_t& min, uint32_t& max) noexcept {
    size_t p = pos_ + 1;
    auto number = [&](uint32_t& out) {
      const size_t start = p;
      uint64_t v = 0;
      for (; p < cps_.size() && cps_[p] >= '0' && cps_[p] <= '9'; ++p)
        v = std::min<uint64_t>(v * 10 + (cps_[p] - '0'), unbounded - 1);
      out = static_cast<uint32_t>(v);
      return p > start;
    };
    if (!number(min)) return false;
    max = min;
    if (p < cps_.size() && cps_[p] == ',') {
      ++p;
      max = unbounded;
      if (p < cps_.size() && cps_[p] != '}' && !number(max)) return false;
    }
    if (p >= cps_.size() || cps_[p] != '}') return false;
    pos_ = p + 1;
    return true;
  }

  bool is_quantifier_start() noexcept {
    const uint32_t c = peek();
    if (c == '*' || c == '+' || c == '?') return true;
    if (c != '{') return false;
    const size_t saved = pos_;
    uint32_t min = 0, max = 0;
    const bool braces = read_braces(min, max);
    pos_ = saved;
    return braces;
  }

  node quantified(node operand) noexcept {
    if (failure_ || at_end()) return operand;
    uint32_t min = 0, max = 0;
    const uint32_t c = peek();
    if (c == '*' || c == '+' || c == '?') {
      ++pos_;
      min = c == '+' ? 1 : 0;
      max = c == '?' ? 1 : unbounded;
    } else if (c != '{' || !read_braces(min, max)) {
      return operand;
    }
    if (min > max) return fail("numbers out of order in {} quantifier");
    if (min > max_repeat || (max != unbounded && max > max_repeat))
      return fail("repetition count above " + std::to_string(max_repeat));
    if (!at_end() && peek() == '?') ++pos_;  // laziness cannot change whether a match exists
    if (!at_end() && is_quantifier_start()) return fail("nothing to repeat");
    node rep = make_node(node::kind::repeat);
    rep.min = min;
    rep.max = max;
    rep.children.push_back(std::move(operand));
    return rep;
  }

  node atom() noexcept {
    const uint32_t c = cps_[pos_++];
    switch (c) {
      case '.': return make_node(node::kind::any);
      case '(': return group();
      case '[': return char_class();
      case '\\': return escape_atom();
      case '*':
      case '+':
      case '?': return fail("nothing to repeat");
      case '{':
        --pos_;
        if (is_quantifier_start()) return fail("nothing to repeat");
        ++pos_;
        return make_node(node::kind::character, c);
      default: return make_node(node::kind::character, c);
    }
  }

  node group() noexcept {
    if (group_depth_ == max_group_depth) return fail("groups nested too deeply");
    ++group_depth_;
    node inner = group_body();
    --group_depth_;
    return inner;
  }

  node group_body() noexcept {
    if (peek() == '?') {
      if (peek(1) == ':') {
        pos_ += 2;
      } else if (peek(1) == '<' && peek(2) != '=' && peek(2) != '!') {
        pos_ += 2;
        while (!at_end() && peek() != '>') ++pos_;
        if (at_end()) return fail("unterminated group name");
        ++pos_;
      } else {
        return fail("lookaround assertions are not supported");
      }
    }
    node inner = alternation();
    if (failure_) return inner;
    if (at_end() || peek() != ')') return fail("unterminated group");
    ++pos_;
    return inner;
  }

  // A single character from an escape, or a class escape (returned as a set node).
  node escape_atom() noexcept {
    if (at_end()) return fail("\\ at end of pattern");
    const uint32_t c = peek();
    if (c == 'd' || c == 'D' || c == 'w' || c == 'W' || c == 's' || c == 'S') {
      ++pos_;
      regex::char_set set;
      add_class_escape(set, static_cast<char>(c));
      return add_set(std::move(set));
    }
    uint32_t cp = 0;
    if (!escaped_character(cp)) return node{};
    return make_node(node::kind::character, cp);
  }

  bool hex_digits(size_t count, uint32_t& out) noexcept {
    out = 0;
    for (size_t i = 0; i < count; ++i) {
      const int v = hex_value(peek(i));
      if (v < 0) return false;
      out = out * 16 + static_cast<uint32_t>(v);
    }
    pos_ += count;
    return true;
  }

  // The escapes that stand for one character (after the `\`).
  bool escaped_character(uint32_t& cp) noexcept {
    const uint32_t c = cps_[pos_++];
    switch (c) {
      case 'n': cp = '\n'; return true;
      case 'r': cp = '\r'; return true;
      case 't': cp = '\t'; return true;
      case 'v': cp = '\v'; return true;
      case 'f': cp = '\f'; return true;
      case '0':
        if (peek() >= '0' && peek() <= '9') break;
        cp = 0;
        return true;
      case 'x':
        if (hex_digits(2, cp)) return true;
        fail("malformed \\x escape");
        return false;
      case 'u': return unicode_escape(cp);
      default:
        if (c < 0x80 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) break;
        if (c >= '1' && c <= '9') {
          fail("backreferences are not supported");
          return false;
        }
        cp = c;
        return true;
    }
    fail(std::string("unsupported escape \\") + static_cast<char>(c));
    return false;
  }

  bool unicode_escape(uint32_t& cp) noexcept {
    if (unicode_ && peek() == '{') {
      ++pos_;
      cp = 0;
      size_t digits = 0;
      for (; !at_end() && hex_value(peek()) >= 0; ++pos_, ++digits) cp = cp * 16 + static_cast<uint32_t>(hex_value(peek()));
      if (digits == 0 || at_end() || peek() != '}' || cp > max_code_point) {
        fail("malformed \\u{...} escape");
        return false;
      }
      ++pos_;
      return true;
    }
    if (!hex_digits(4, cp)) {
      fail("malformed \\u escape");
      return false;
    }
    // A surrogate pair spelled as two escapes is one code point, as the text is read.
    uint32_t low = 0;
    if (cp >= 0xD800 && cp <= 0xDBFF && peek() == '\\' && peek(1) == 'u') {
      const size_t saved = pos_;
      pos_ += 2;
      if (hex_digits(4, low) && low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      } else {
        pos_ = saved;
      }
    }
    return true;
  }

  node add_set(regex::char_set set) noexcept {
    sets_.push_back(std::move(set));
    return make_node(node::kind::set, static_cast<uint32_t>(sets_.size() - 1));
  }

  // One class member: a character (returns true) or a class escape added to `set` (false).
  bool class_atom(regex::char_set& set, uint32_t& cp) noexcept {
    const uint32_t c = cps_[pos_++];
    if (c != '\\') {
      cp = c;
      return true;
    }
    if (at_end()) {
      fail("\\ at end of pattern");
      return false;
    }
    const uint32_t e = peek();
    if (e == 'd' || e == 'D' || e == 'w' || e == 'W' || e == 's' || e == 'S') {
      ++pos_;
      add_class_escape(set, static_cast<char>(e));
      return false;
    }
    if (e == 'b' || e == '-') {
      ++pos_;
      cp = e == 'b' ? '\b' : '-';
      return true;
    }
    return escaped_character(cp);
  }

  node char_class() noexcept {
    regex::char_set set;
    if (peek() == '^') {
      set.negated = true;
      ++pos_;
    }
    while (!failure_ && !at_end() && peek() != ']') {
      uint32_t lo = 0;
      if (!class_atom(set, lo)) continue;
      if (peek() == '-' && pos_ + 1 < cps_.size() && peek(1) != ']') {
        ++pos_;
        uint32_t hi = 0;
        if (!class_atom(set, hi)) {
          add_range(set, lo, lo);  // [a-\d]: the `-` is a literal (Annex B)
          add_range(set, '-', '-');
          continue;
        }
        if (lo > hi) return fail("range out of order in character class");
        add_range(set, lo, hi);
      } else {
        add_range(set, lo, lo);
      }
    }
    if (failure_) return node{};
    if (at_end()) return fail("unterminated character class");
    ++pos_;
    return add_set(std::move(set));
  }

  std::vector<uint32_t> cps_;
  size_t pos_ = 0;
  size_t group_depth_ = 0;
  bool unicode_;
  std::vector<regex::char_set> sets_;
  std::optional<error> failure_;
};

}  // namespace

node make_node(node::kind k, uint32_t value) noexcept {
  node n;
  n.k = k;
  n.value = value;
  return n;
}

error bad_pattern(std::string message) noexcept {
  return make_error(error_code::invalid_document, "regex: " + std::move(message));
}

result<node> parse(std::string_view pattern, bool unicode, std::vector<regex::char_set>& sets) noexcept {
  std::vector<uint32_t> cps;
  for (size_t i = 0; i < pattern.size();) cps.push_back(decode_utf8(pattern, i));
  parser p(std::move(cps), unicode);
  auto tree = p.parse();
  sets = p.take_sets();
  return tree;
}

}  // namespace sluice::validate::regex_tree
