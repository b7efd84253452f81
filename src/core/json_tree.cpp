#include "core/json_tree.h"

#include <cmath>
#include <limits>
#include <type_traits>

#include "decode/json_copy.h"
#include "decode/json_number.h"
#include "decode/json_string.h"

namespace sluice::dom {
namespace {

namespace od = simdjson::ondemand;

// Deep enough for any real document, shallow enough for a 256 KiB WASM stack.
constexpr int max_depth = 256;

error malformed(std::string message) noexcept {
  return make_error(error_code::invalid_json, std::move(message));
}

// Builds the nodes of one value in pre-order.
class builder {
 public:
  explicit builder(std::vector<node>& nodes) noexcept : nodes_(nodes) {}

  status value(od::value v, std::string_view key, int depth) noexcept {
    if (depth > max_depth) return malformed("JSON nested too deeply");
    od::json_type type;
    if (auto e = v.type().get(type)) return decode::json_error(e);
    const size_t at = open(key);
    if (type == od::json_type::object) {
      nodes_[at].kind = json_kind::object;
      od::object o;
      if (auto e = v.get_object().get(o)) return decode::json_error(e);
      for (auto field : o) {
        std::string_view member_key;
        if (auto e = field.unescaped_key().get(member_key)) return decode::json_error(e);
        od::value child;
        if (auto e = field.value().get(child)) return decode::json_error(e);
        SLUICE_CHECK(value(child, member_key, depth + 1));
      }
    } else if (type == od::json_type::array) {
      nodes_[at].kind = json_kind::array;
      od::array a;
      if (auto e = v.get_array().get(a)) return decode::json_error(e);
      for (auto item : a) {
        od::value child;
        if (auto e = item.get(child)) return decode::json_error(e);
        SLUICE_CHECK(value(child, {}, depth + 1));
      }
    } else {
      SLUICE_CHECK(scalar(v, type, at));
    }
    nodes_[at].size = static_cast<uint32_t>(nodes_.size() - at);
    return ok_status();
  }

  // A scalar read alike from a value and from a root document (which must be consumed, so
  // that simdjson checks nothing trails it).
  template <typename Source>
  status scalar(Source& source, od::json_type type, size_t at) noexcept {
    node& n = nodes_[at];
    switch (type) {
      case od::json_type::string: {
        n.kind = json_kind::string;
        if (auto e = source.get_string().get(n.text)) return decode::json_error(e);
        return ok_status();
      }
      case od::json_type::number: {
        n.kind = json_kind::number;
        // Read as text (simdjson's number parser would bring its table of powers along).
        std::string_view token;
        if constexpr (std::is_same_v<Source, od::document>) {
          if (auto e = source.raw_json().get(token)) return decode::json_error(e);
        } else {
          token = source.raw_json_token();
        }
        n.text = decode::trim_token(token);
        const auto number = decode::parse_number(n.text);
        if (!number || !std::isfinite(*number)) return malformed("malformed number");
        return ok_status();
      }
      case od::json_type::boolean: {
        n.kind = json_kind::boolean;
        if (auto e = source.get_bool().get(n.boolean)) return decode::json_error(e);
        return ok_status();
      }
      case od::json_type::null: {
        bool is_null = false;
        if (auto e = source.is_null().get(is_null)) return decode::json_error(e);
        if (!is_null) return malformed("malformed literal");
        return ok_status();
      }
      case od::json_type::array:
      case od::json_type::object: break;
    }
    return malformed("expected a scalar");
  }

  size_t open(std::string_view key) noexcept {
    nodes_.push_back(node{});
    nodes_.back().key = key;
    return nodes_.size() - 1;
  }

 private:
  std::vector<node>& nodes_;
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
  input_ = simdjson::padded_string(text);
  nodes_.clear();
  od::document doc;
  if (auto e = parser_.iterate(input_).get(doc)) return decode::json_error(e);
  od::json_type type;
  if (auto e = doc.type().get(type)) return decode::json_error(e);
  builder b(nodes_);
  if (type == od::json_type::array || type == od::json_type::object) {
    od::value root;
    if (auto e = doc.get_value().get(root)) return decode::json_error(e);
    SLUICE_CHECK(b.value(root, {}, 0));
  } else {
    SLUICE_CHECK(b.scalar(doc, type, b.open({})));
  }
  if (!doc.at_end()) return malformed("unexpected content after the JSON value");
  return element(nodes_.data());
}

}  // namespace sluice::dom
