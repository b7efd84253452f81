#include "core/json_tree.h"

#include <cmath>
#include <limits>

#include "decode/json_number.h"
#include "decode/json_string.h"
#include "simdjson.h"

namespace sluice::dom {
namespace {

// The readers of these documents (the spec compiler above all) recurse once per level, so this
// bound is what keeps them inside the WebAssembly module's stack; CMakeLists.txt sets that
// stack's size and records the arithmetic. The parser itself keeps its open containers in a
// vector, so no input depth can exhaust the stack here.
constexpr size_t max_depth = 128;

class reader {
 public:
  reader(std::string_view text, std::vector<node>& nodes, std::string& unescaped) noexcept
      : text_(text), nodes_(nodes), unescaped_(unescaped) {}

  status document() noexcept {
    skip_space();
    if (at_end()) return fail("no JSON found");
    SLUICE_CHECK(values());
    skip_space();
    if (!at_end()) return fail("unexpected content after the JSON value");
    return ok_status();
  }

 private:
  // One value and everything inside it, each node pushed in pre-order. `open` holds the node
  // index of every container whose closing bracket is still ahead.
  status values() noexcept {
    std::vector<size_t> open;
    std::string_view key;
    for (;;) {
      const size_t at = nodes_.size();
      nodes_.push_back(node{});
      nodes_[at].key = key;
      if (at_end()) return fail("unexpected end of JSON");
      const char c = text_[pos_];
      if (c == '{' || c == '[') {
        if (open.size() == max_depth) return fail("JSON nested too deeply");
        nodes_[at].kind = c == '{' ? json_kind::object : json_kind::array;
        open.push_back(at);
        ++pos_;
        skip_space();
        if (!take(c == '{' ? '}' : ']')) {
          SLUICE_TRY(first_key, member_start(nodes_[at].kind));
          key = first_key;
          continue;
        }
        open.pop_back();
      } else {
        SLUICE_CHECK(scalar(at));
      }
      // A value is complete: close every container that ends here, then start the next member.
      for (;;) {
        if (open.empty()) return ok_status();
        const size_t container = open.back();
        const json_kind kind = nodes_[container].kind;
        nodes_[container].size = static_cast<uint32_t>(nodes_.size() - container);
        skip_space();
        if (take(',')) {
          skip_space();
          SLUICE_TRY(next_key, member_start(kind));
          key = next_key;
          break;
        }
        if (kind == json_kind::object ? !take('}') : !take(']'))
          return fail(kind == json_kind::object ? "expected ',' or '}'" : "expected ',' or ']'");
        open.pop_back();
      }
    }
  }

  // In an object, reads `"name" :` and returns the name; in an array, there is none.
  result<std::string_view> member_start(json_kind container) noexcept {
    if (container == json_kind::array) return std::string_view{};
    if (at_end() || text_[pos_] != '"') return fail("expected a member name");
    SLUICE_TRY(key, string());
    skip_space();
    if (!take(':')) return fail("expected ':'");
    skip_space();
    return key;
  }

  status scalar(size_t at) noexcept {
    switch (text_[pos_]) {
      case '"': {
        SLUICE_TRY(text, string());
        nodes_[at].kind = json_kind::string;
        nodes_[at].text = text;
        return ok_status();
      }
      case 't':
        SLUICE_CHECK(literal("true", json_kind::boolean, at));
        nodes_[at].boolean = true;
        return ok_status();
      case 'f': return literal("false", json_kind::boolean, at);
      case 'n': return literal("null", json_kind::null, at);
      default: return number(at);
    }
  }

  // The content of the string token at pos_: a view of the text when it has no escapes.
  result<std::string_view> string() noexcept {
    const size_t start = ++pos_;
    bool escaped = false;
    for (; !at_end() && text_[pos_] != '"'; ++pos_) {
      if (static_cast<unsigned char>(text_[pos_]) < 0x20)
        return fail("control character in a string");
      if (text_[pos_] == '\\') {
        escaped = true;
        ++pos_;
      }
    }
    if (at_end()) return fail("unterminated string");
    const std::string_view body = text_.substr(start, pos_++ - start);
    if (!escaped) return body;
    const size_t from = unescaped_.size();
    // A lone surrogate escape unescapes to bytes that are not UTF-8: refused, as by simdjson.
    if (!decode::unescape(body, unescaped_) ||
        !simdjson::validate_utf8(std::string_view(unescaped_).substr(from)))
      return fail("malformed string escape");
    return std::string_view(unescaped_).substr(from);
  }

  status literal(std::string_view word, json_kind kind, size_t at) noexcept {
    if (text_.substr(pos_, word.size()) != word) return fail("malformed literal");
    pos_ += word.size();
    nodes_[at].kind = kind;
    return ok_status();
  }

  status number(size_t at) noexcept {
    const std::string_view token = decode::number_run(text_.substr(pos_));
    pos_ += token.size();
    if (token.empty()) return fail("unexpected character");
    const auto parsed = decode::parse_number(token);
    if (!parsed || !std::isfinite(*parsed)) return fail("malformed number");
    nodes_[at].kind = json_kind::number;
    nodes_[at].text = token;
    return ok_status();
  }

  void skip_space() noexcept {
    while (!at_end() && (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' ||
                         text_[pos_] == '\t'))
      ++pos_;
  }
  bool take(char c) noexcept {
    if (at_end() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }
  [[nodiscard]] bool at_end() const noexcept { return pos_ >= text_.size(); }
  [[nodiscard]] error fail(std::string_view what) const noexcept {
    return make_error(error_code::invalid_json,
                      std::string(what) + " at byte " + std::to_string(pos_));
  }

  std::string_view text_;
  size_t pos_ = 0;
  std::vector<node>& nodes_;
  std::string& unescaped_;
};

// The digits of an integer token (no fraction, no exponent) and whether it is negative.
std::optional<uint64_t> integer_magnitude(std::string_view token, bool& negative) noexcept {
  negative = !token.empty() && token.front() == '-';
  if (negative) token.remove_prefix(1);
  if (token.empty()) return std::nullopt;
  uint64_t v = 0;
  for (char c : token) {
    if (c < '0' || c > '9') return std::nullopt;
    const uint64_t digit = static_cast<uint64_t>(c - '0');
    if (v > (std::numeric_limits<uint64_t>::max() - digit) / 10) return std::nullopt;
    v = v * 10 + digit;
  }
  return v;
}

}  // namespace

std::optional<std::string_view> element::get_string() const noexcept {
  if (node_->kind != json_kind::string) return std::nullopt;
  return node_->text;
}

std::optional<bool> element::get_bool() const noexcept {
  if (node_->kind != json_kind::boolean) return std::nullopt;
  return node_->boolean;
}

std::optional<int64_t> element::get_int64() const noexcept {
  if (node_->kind != json_kind::number) return std::nullopt;
  bool negative = false;
  const auto magnitude = integer_magnitude(node_->text, negative);
  constexpr auto max = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  if (!magnitude || *magnitude > max + (negative ? 1 : 0)) return std::nullopt;
  return negative ? static_cast<int64_t>(0 - *magnitude) : static_cast<int64_t>(*magnitude);
}

std::optional<uint64_t> element::get_uint64() const noexcept {
  if (node_->kind != json_kind::number) return std::nullopt;
  bool negative = false;
  const auto magnitude = integer_magnitude(node_->text, negative);
  if (!magnitude || (negative && *magnitude != 0)) return std::nullopt;
  return magnitude;
}

std::optional<double> element::get_double() const noexcept {
  if (node_->kind != json_kind::number) return std::nullopt;
  return decode::parse_number(node_->text);
}

std::optional<object> element::get_object() const noexcept {
  if (node_->kind != json_kind::object) return std::nullopt;
  return object(node_);
}

std::optional<array> element::get_array() const noexcept {
  if (node_->kind != json_kind::array) return std::nullopt;
  return array(node_);
}

std::optional<element> object::find(std::string_view key) const noexcept {
  for (auto [member_key, value] : *this)
    if (member_key == key) return value;
  return std::nullopt;
}

size_t array::size() const noexcept {
  size_t n = 0;
  for (auto it = begin(); it != end(); ++it) ++n;
  return n;
}

result<element> document::parse(std::string_view text) noexcept {
  nodes_.clear();
  unescaped_.clear();
  if (!simdjson::validate_utf8(text)) return make_error(error_code::invalid_json, "invalid UTF-8");
  input_.assign(text);
  unescaped_.reserve(input_.size());
  SLUICE_CHECK(reader(input_, nodes_, unescaped_).document());
  return element(nodes_.data());
}

}  // namespace sluice::dom
