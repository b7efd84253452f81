#include "validate/body_reader.h"

#include <algorithm>
#include <cstdint>
#include <numeric>

#include "core/json_writer.h"
#include "decode/json_copy.h"
#include "decode/json_number.h"
#include "decode/json_string.h"

namespace sluice::validate {
namespace {

namespace od = simdjson::ondemand;

status read_scalar(od::value value, od::json_type type, slot& s) noexcept {
  switch (type) {
    case od::json_type::string: {
      s.body = decode::string_token_body(value.raw_json_token());
      if (decode::is_plain(s.body)) {
        s.text = s.body;
      } else if (auto e = value.get_wobbly_string().get(s.text)) {
        return decode::json_error(e);
      }
      return ok_status();
    }
    case od::json_type::number: {
      // JSON.parse reads 1e400 as Infinity where simdjson refuses it, so the text is parsed here.
      const auto number = decode::parse_number(decode::trim_token(value.raw_json_token()));
      if (!number) return make_error(error_code::invalid_json, "malformed number");
      s.number = *number;
      return ok_status();
    }
    case od::json_type::boolean:
      if (auto e = value.get_bool().get(s.boolean)) return decode::json_error(e);
      return ok_status();
    case od::json_type::null: {
      bool is_null = false;
      if (auto e = value.is_null().get(is_null)) return decode::json_error(e);
      if (!is_null) return make_error(error_code::invalid_json, "malformed literal");
      return ok_status();
    }
    case od::json_type::array:
    case od::json_type::object: return skip_value(value);
  }
  return ok_status();
}

// A json column's value: copied compactly, and its text as sent kept for the text rule.
status read_json_value(od::value value, slot& s) noexcept {
  const std::string_view token = value.raw_json_token();
  json_writer copy;
  SLUICE_CHECK(decode::copy_json(value, copy));
  s.json = copy.take();
  s.body = token;
  if (s.type == od::json_type::array || s.type == od::json_type::object) {
    // A container's token is its bracket; the copy has read up to the token after it.
    const char* end = nullptr;
    if (auto e = value.current_location().get(end)) return decode::json_error(e);
    s.body = std::string_view(token.data(), static_cast<size_t>(end - token.data()));
  }
  return ok_status();
}

// Drops every repeat of a key, keeping the order of first appearances. One sort of the key
// positions rather than a lookup per key: a list searched per key made a body of a million
// distinct unknown keys take minutes; a node-based hash set spent 3 s natively on allocations
// and cache misses, and any unkeyed hash lets a body of colliding keys make it quadratic
// again, where a sort stays n log n whatever the keys.
void keep_first_appearances(std::vector<std::string_view>& keys) noexcept {
  if (keys.size() < 2) return;
  std::vector<uint32_t> order(keys.size());
  std::iota(order.begin(), order.end(), 0);
  // Equal keys only have to end up adjacent, first appearance first: lengths order most pairs
  // without comparing bytes.
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const std::string_view x = keys[a], y = keys[b];
    if (x.size() != y.size()) return x.size() < y.size();
    const int bytes = x.compare(y);
    return bytes != 0 ? bytes < 0 : a < b;
  });
  std::vector<bool> repeat(keys.size(), false);
  for (size_t i = 1; i < order.size(); ++i)
    if (keys[order[i]] == keys[order[i - 1]]) repeat[order[i]] = true;
  size_t kept = 0;
  for (size_t i = 0; i < keys.size(); ++i)
    if (!repeat[i]) keys[kept++] = keys[i];
  keys.resize(kept);
}

}  // namespace

std::string_view type_name(od::json_type type) noexcept {
  switch (type) {
    case od::json_type::array: return "array";
    case od::json_type::object: return "object";
    case od::json_type::number: return "number";
    case od::json_type::string: return "string";
    case od::json_type::boolean: return "boolean";
    case od::json_type::null: return "null";
  }
  return "unknown";
}

status skip_value(od::value value) noexcept {
  json_writer discarded;
  return decode::copy_json(value, discarded);
}

status read_body(const validator& v, od::object object, request_body& body) noexcept {
  body.slots.assign(v.columns.size(), slot{});
  body.unknown_keys.clear();
  for (auto member : object) {
    std::string_view key;
    // JSON.parse keeps lone surrogates in keys; replacing them cannot make a key known.
    if (auto e = member.unescaped_key(true).get(key)) return decode::json_error(e);
    od::value value;
    if (auto e = member.value().get(value)) return decode::json_error(e);
    const auto rule = std::find_if(v.columns.begin(), v.columns.end(),
                                   [&](const column_rule& r) { return r.key == key; });
    if (rule == v.columns.end()) {
      if (v.strict) body.unknown_keys.push_back(key);
      SLUICE_CHECK(skip_value(value));
      continue;
    }
    slot& s = body.slots[static_cast<size_t>(rule - v.columns.begin())];
    s = slot{};
    s.present = true;
    if (auto e = value.type().get(s.type)) return decode::json_error(e);
    if (rule->kind == value_kind::json) {
      SLUICE_CHECK(read_json_value(value, s));
    } else {
      SLUICE_CHECK(read_scalar(value, s.type, s));
    }
  }
  keep_first_appearances(body.unknown_keys);
  return ok_status();
}

}  // namespace sluice::validate
