#include "decode/json_copy.h"

#include <string>

#include "decode/json_number.h"
#include "decode/json_string.h"

namespace sluice::decode {
namespace {

namespace od = simdjson::ondemand;

// Deep enough for any real document, shallow enough for a 256 KiB WASM stack.
constexpr int max_depth = 256;

status invalid(std::string message) noexcept {
  return make_error(error_code::invalid_json, std::move(message));
}

status copy_value(od::value value, json_writer& w, int depth) noexcept;

// true, false and null read alike from a value and from a root document.
template <typename Source>
status copy_literal(Source& source, od::json_type type, json_writer& w) noexcept {
  if (type == od::json_type::boolean) {
    bool b = false;
    if (auto e = source.get_bool().get(b)) return json_error(e);
    w.boolean(b);
    return ok_status();
  }
  bool is_null = false;
  if (auto e = source.is_null().get(is_null)) return json_error(e);
  if (!is_null) return invalid("malformed literal");
  w.null();
  return ok_status();
}

status copy_scalar(od::value& value, od::json_type type, json_writer& w) noexcept {
  switch (type) {
    case od::json_type::string:
      if (!write_string(w, string_token_body(value.raw_json_token())))
        return invalid("malformed string escape");
      return ok_status();
    case od::json_type::number:
      if (!write_number(w, trim_token(value.raw_json_token()))) return invalid("malformed number");
      return ok_status();
    case od::json_type::boolean:
    case od::json_type::null:
      return copy_literal(value, type, w);
    case od::json_type::array:
    case od::json_type::object: break;
  }
  return invalid("expected a scalar");
}

// A scalar document must also be consumed, so that simdjson checks nothing trails it.
status copy_root_scalar(od::document& doc, od::json_type type, json_writer& w) noexcept {
  std::string_view token;
  if (auto e = doc.raw_json_token().get(token)) return json_error(e);
  switch (type) {
    case od::json_type::string: {
      std::string_view content;
      if (auto e = doc.get_wobbly_string().get(content)) return json_error(e);
      if (!write_string(w, string_token_body(token))) return invalid("malformed string escape");
      return ok_status();
    }
    case od::json_type::number: {
      // Consumed as text: simdjson's own number parser would link its 10 KiB table of powers
      // into the module, and refuses what JSON.parse reads as Infinity.
      if (auto e = doc.raw_json().get(token)) return json_error(e);
      if (!write_number(w, trim_token(token))) return invalid("malformed number");
      return ok_status();
    }
    case od::json_type::boolean:
    case od::json_type::null:
      return copy_literal(doc, type, w);
    case od::json_type::array:
    case od::json_type::object: break;
  }
  return invalid("expected a scalar");
}

status copy_array(od::array array, json_writer& w, int depth) noexcept {
  w.begin_array();
  for (auto element : array) {
    od::value v;
    if (auto e = element.get(v)) return json_error(e);
    SLUICE_CHECK(copy_value(v, w, depth + 1));
  }
  w.end_array();
  return ok_status();
}

status copy_object(od::object object, json_writer& w, int depth) noexcept {
  w.begin_object();
  for (auto field : object) {
    std::string_view key;
    // Keys are rare carriers of lone surrogates; replacing them keeps the copy valid UTF-8.
    if (auto e = field.unescaped_key(true).get(key)) return json_error(e);
    w.key(key);
    od::value v;
    if (auto e = field.value().get(v)) return json_error(e);
    SLUICE_CHECK(copy_value(v, w, depth + 1));
  }
  w.end_object();
  return ok_status();
}

status copy_value(od::value value, json_writer& w, int depth) noexcept {
  if (depth > max_depth) return invalid("JSON nested too deeply");
  od::json_type type;
  if (auto e = value.type().get(type)) return json_error(e);
  if (type == od::json_type::array) {
    od::array array;
    if (auto e = value.get_array().get(array)) return json_error(e);
    return copy_array(array, w, depth);
  }
  if (type == od::json_type::object) {
    od::object object;
    if (auto e = value.get_object().get(object)) return json_error(e);
    return copy_object(object, w, depth);
  }
  return copy_scalar(value, type, w);
}

// Own short messages: simdjson's table of every error's text would ship in the module.
const char* json_error_text(simdjson::error_code code) noexcept {
  switch (code) {
    case simdjson::EMPTY: return "no JSON found";
    case simdjson::UTF8_ERROR: return "invalid UTF-8";
    case simdjson::STRING_ERROR:
    case simdjson::UNCLOSED_STRING:
    case simdjson::UNESCAPED_CHARS: return "malformed string";
    case simdjson::NUMBER_ERROR:
    case simdjson::BIGINT_ERROR: return "malformed number";
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR: return "malformed literal";
    case simdjson::INCORRECT_TYPE: return "malformed value";
    case simdjson::DEPTH_ERROR: return "JSON nested too deeply";
    case simdjson::TRAILING_CONTENT: return "unexpected content after the JSON value";
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT: return "unterminated array or object";
    case simdjson::CAPACITY:
    case simdjson::MEMALLOC: return "JSON text too large";
    default: return "malformed JSON: misplaced or missing commas, colons, brackets or keys";
  }
}

}  // namespace

error json_error(simdjson::error_code code) noexcept {
  return make_error(error_code::invalid_json, json_error_text(code));
}

status copy_json(od::value value, json_writer& w) noexcept { return copy_value(value, w, 0); }

status copy_json(od::document& doc, json_writer& w) noexcept {
  od::json_type type;
  if (auto e = doc.type().get(type)) return json_error(e);
  if (type == od::json_type::array || type == od::json_type::object) {
    od::value value;
    if (auto e = doc.get_value().get(value)) return json_error(e);
    SLUICE_CHECK(copy_value(value, w, 0));
  } else {
    SLUICE_CHECK(copy_root_scalar(doc, type, w));
  }
  if (!doc.at_end()) return invalid("unexpected content after the JSON value");
  return ok_status();
}

}  // namespace sluice::decode
