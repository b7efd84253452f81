#include "decode/neon_flat.h"

#include <vector>

#include "core/json_scan.h"
#include "decode/cell.h"
#include "decode/json_number.h"
#include "decode/json_string.h"
#include "simdjson.h"

namespace sluice::decode {
namespace {

// Deeper nesting in the members it skips is left to the general decoder.
constexpr int max_skip_depth = 64;

constexpr bool is_hex_digit(char c) noexcept {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

bool is_flat(const plan& p) noexcept {
  if (p.shape != result_shape::rows && p.shape != result_shape::first) return false;
  for (const field& f : p.fields)
    if (f.kind != field_kind::scalar || f.type == value_type::json) return false;
  return true;
}

// A cursor over strict JSON: every method returns false on anything RFC 8259 does not allow.
class scanner {
 public:
  explicit scanner(std::string_view text) noexcept : at_(text.data()), end_(text.data() + text.size()) {}

  bool eat(char c) noexcept {
    skip_space();
    if (at_ == end_ || *at_ != c) return false;
    ++at_;
    return true;
  }

  bool at_end() noexcept {
    skip_space();
    return at_ == end_;
  }

  // The null literal, if that is what comes next.
  bool null() noexcept {
    skip_space();
    if (end_ - at_ < 4 || std::string_view(at_, 4) != "null") return false;
    at_ += 4;
    return true;
  }

  // The string token that comes next, quotes included; `escaped` tells whether it holds a `\`.
  bool string(std::string_view& token, bool& escaped) noexcept {
    skip_space();
    if (at_ == end_ || *at_ != '"') return false;
    const char* start = at_++;
    escaped = false;
    for (;;) {
      at_ += first_json_special(std::string_view(at_, static_cast<size_t>(end_ - at_)));
      if (at_ == end_ || static_cast<unsigned char>(*at_) < 0x20) return false;
      if (*at_ == '"') break;
      escaped = true;
      if (!escape()) return false;
    }
    ++at_;
    token = std::string_view(start, static_cast<size_t>(at_ - start));
    return true;
  }

  bool skip_value(int depth) noexcept {
    skip_space();
    if (at_ == end_ || depth > max_skip_depth) return false;
    std::string_view token;
    bool escaped = false;
    switch (*at_) {
      case '"': return string(token, escaped);
      case '{': return skip_members(depth);
      case '[': return skip_elements(depth);
      case 't': return word("true");
      case 'f': return word("false");
      case 'n': return word("null");
      default: return number();
    }
  }

 private:
  void skip_space() noexcept {
    while (at_ != end_ && (*at_ == ' ' || *at_ == '\n' || *at_ == '\r' || *at_ == '\t')) ++at_;
  }

  // The escape at the backslash under the cursor, as RFC 8259 spells them: a `\` before
  // anything else is malformed, which the general decoder refuses too.
  bool escape() noexcept {
    if (end_ - at_ < 2) return false;
    switch (at_[1]) {
      case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
        at_ += 2;
        return true;
      case 'u':
        if (end_ - at_ < 6) return false;
        for (int i = 2; i < 6; ++i)
          if (!is_hex_digit(at_[i])) return false;
        at_ += 6;
        return true;
      default: return false;
    }
  }

  bool word(std::string_view w) noexcept {
    if (static_cast<size_t>(end_ - at_) < w.size() || std::string_view(at_, w.size()) != w) return false;
    at_ += w.size();
    return true;
  }

  bool number() noexcept {
    const std::string_view token = number_run(std::string_view(at_, static_cast<size_t>(end_ - at_)));
    at_ += token.size();
    return is_json_number(token);
  }

  bool skip_members(int depth) noexcept {
    ++at_;
    if (eat('}')) return true;
    std::string_view key;
    bool escaped = false;
    do {
      if (!string(key, escaped) || !eat(':') || !skip_value(depth + 1)) return false;
    } while (eat(','));
    return eat('}');
  }

  bool skip_elements(int depth) noexcept {
    ++at_;
    if (eat(']')) return true;
    do {
      if (!skip_value(depth + 1)) return false;
    } while (eat(','));
    return eat(']');
  }

  const char* at_;
  const char* end_;
};

bool write_cell_text(std::string_view token, bool escaped, value_type type, decode_context& ctx,
                     json_writer& w) noexcept {
  const std::string_view body = token.substr(1, token.size() - 2);
  if (type == value_type::text || type == value_type::numeric) {
    // Without escapes the token already is JSON.stringify's spelling of its content.
    if (!escaped) {
      w.raw(token);
      return true;
    }
    return write_string(w, body);
  }
  return !escaped && write_text_cell(token, body, type, ctx, w);
}

// The plan's keys as the writer spells them, rendered once per answer rather than once per row,
// into one buffer: each key ends where the next begins.
class rendered_keys {
 public:
  explicit rendered_keys(const plan& p) noexcept {
    ends_.reserve(p.fields.size());
    for (const field& f : p.fields) {
      text_.key(f.key);
      ends_.push_back(text_.str().size());
    }
  }
  [[nodiscard]] std::string_view operator[](size_t i) const noexcept {
    const size_t start = i == 0 ? 0 : ends_[i - 1];
    return text_.str().substr(start, ends_[i] - start);
  }

 private:
  json_writer text_;
  std::vector<size_t> ends_;
};

bool write_row(scanner& s, const plan& p, const rendered_keys& keys, decode_context& ctx,
               json_writer& w) noexcept {
  if (!s.eat('[')) return false;
  w.begin_object();
  for (size_t i = 0; i < p.fields.size(); ++i) {
    const field& f = p.fields[i];
    if (i > 0 && !s.eat(',')) return false;
    w.rendered_key(keys[i]);
    if (s.null()) {
      w.null();
      continue;
    }
    std::string_view token;
    bool escaped = false;
    if (!s.string(token, escaped) || !write_cell_text(token, escaped, f.type, ctx, w)) return false;
  }
  if (!s.eat(']')) return false;
  w.end_object();
  return true;
}

bool write_rows(scanner& s, const plan& p, decode_context& ctx, json_writer& w) noexcept {
  if (!s.eat('[')) return false;
  const rendered_keys keys(p);
  const bool all = p.shape == result_shape::rows;
  if (all) w.begin_array();
  if (s.eat(']')) {
    if (all) {
      w.end_array();
    } else {
      w.null();
    }
    return true;
  }
  if (!write_row(s, p, keys, ctx, w)) return false;
  while (s.eat(',')) {
    if (all ? !write_row(s, p, keys, ctx, w) : !s.skip_value(1)) return false;
  }
  if (!s.eat(']')) return false;
  if (all) w.end_array();
  return true;
}

}  // namespace

bool decode_neon_flat(const plan& p, std::string_view input, decode_context& ctx, json_writer& w) noexcept {
  if (!is_flat(p) || !simdjson::validate_utf8(input.data(), input.size())) return false;
  scanner s(input);
  if (!s.eat('{')) return false;
  bool rows_written = false;
  if (!s.eat('}')) {
    do {
      std::string_view key;
      bool escaped = false;
      if (!s.string(key, escaped) || !s.eat(':')) return false;
      if (!rows_written && key == "\"rows\"") {
        if (!write_rows(s, p, ctx, w)) return false;
        rows_written = true;
      } else if (!s.skip_value(0)) {
        return false;
      }
    } while (s.eat(','));
    if (!s.eat('}')) return false;
  }
  return rows_written && s.at_end();
}

}  // namespace sluice::decode
