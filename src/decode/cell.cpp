#include "decode/cell.h"

#include <cmath>
#include <string>

#include "decode/json_copy.h"
#include "decode/json_number.h"
#include "decode/json_string.h"
#include "decode/timestamp.h"

namespace sluice::decode {
namespace {

namespace od = simdjson::ondemand;

std::string_view type_phrase(value_type type) noexcept {
  switch (type) {
    case value_type::integer: return "an integer";
    case value_type::bigint: return "an integer";
    case value_type::real: return "a number";
    case value_type::numeric: return "a number";
    case value_type::text: return "a string";
    case value_type::boolean: return "a boolean";
    case value_type::timestamp: return "a timestamp";
    case value_type::date: return "a date";
    case value_type::json: return "JSON";
  }
  return "a value";
}

// Names the offending token, cut short (on a UTF-8 boundary) so one bad cell cannot make a
// huge error.
status mismatch(value_type type, std::string_view token) noexcept {
  constexpr size_t limit = 40;
  std::string shown(token.substr(0, limit));
  if (token.size() > limit) {
    while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80) shown.pop_back();
    if (!shown.empty() && static_cast<unsigned char>(shown.back()) >= 0xC0) shown.pop_back();
    shown.append("...");
  }
  return make_error(error_code::invalid_result,
                    "expected " + std::string(type_phrase(type)) + ", got " + shown);
}

bool is_infinity_text(std::string_view text) noexcept {
  return text == "infinity" || text == "-infinity" || text == "Infinity" || text == "-Infinity";
}

std::optional<bool> boolean_from_text(std::string_view text) noexcept {
  if (text == "t" || text == "true" || text == "1") return true;
  if (text == "f" || text == "false" || text == "0") return false;
  return std::nullopt;
}

void write_date(json_writer& w, int64_t days) noexcept {
  char buf[iso_buffer_size];
  buf[0] = '"';
  const size_t n = format_iso_date(days, buf + 1);
  buf[n + 1] = '"';
  w.raw(std::string_view(buf, n + 2));
}

// A JS Date built from a number truncates it toward zero and is invalid beyond its range.
void write_epoch_number(json_writer& w, double ms, value_type type) noexcept {
  if (!std::isfinite(ms) || std::fabs(ms) > static_cast<double>(max_epoch_ms)) {
    w.null();
    return;
  }
  const auto whole = static_cast<int64_t>(std::trunc(ms));
  if (type == value_type::timestamp) {
    write_timestamp(w, whole);
  } else {
    write_date(w, day_of(whole));
  }
}

// A cell that came as a string: Postgres text, or text stored in SQLite.
status from_text(std::string_view token, std::string_view content, value_type type,
                 json_writer& w) noexcept {
  switch (type) {
    case value_type::integer:
    case value_type::real:
      if (write_number(w, content)) return ok_status();
      // float4/float8 text; JSON.stringify writes null for them.
      if (content == "NaN" || is_infinity_text(content)) {
        w.null();
        return ok_status();
      }
      break;
    case value_type::bigint:
      if (write_bigint(w, content)) return ok_status();
      break;
    case value_type::boolean:
      if (auto b = boolean_from_text(content)) {
        w.boolean(*b);
        return ok_status();
      }
      break;
    case value_type::timestamp:
      if (auto ms = parse_timestamp(content, offset_rule::utc_if_absent)) {
        write_timestamp(w, *ms);
        return ok_status();
      }
      if (is_infinity_text(content)) {
        w.null();
        return ok_status();
      }
      break;
    case value_type::date:
      if (auto days = parse_date(content)) {
        write_date(w, *days);
        return ok_status();
      }
      if (auto ms = parse_timestamp(content, offset_rule::utc_if_absent)) {
        write_date(w, day_of(*ms));
        return ok_status();
      }
      if (is_infinity_text(content)) {
        w.null();
        return ok_status();
      }
      break;
    case value_type::numeric:
    case value_type::text:
    case value_type::json: break;
  }
  return mismatch(type, token);
}

// A json cell held as a string: the text it holds is the value. JSON built by Postgres embeds
// a json string value as a plain JSON string, which then holds no JSON: that string is the value.
status json_from_string(std::string_view body, decode_context& ctx, size_t depth,
                        json_writer& w) noexcept {
  od::document doc;
  json_writer held;
  if (ctx.parse_nested(depth + 1, body, doc).ok() && copy_json(doc, held).ok()) {
    w.raw(held.str());
    return ok_status();
  }
  if (!write_string(w, body)) return make_error(error_code::invalid_result, "malformed string escape");
  return ok_status();
}

status from_string(std::string_view token, value_type type, decode_context& ctx, size_t depth,
                   json_writer& w) noexcept {
  const std::string_view body = string_token_body(token);
  if (type == value_type::text || type == value_type::numeric) {
    if (write_string(w, body)) return ok_status();
    return make_error(error_code::invalid_result, "malformed string escape");
  }
  if (type == value_type::json) return json_from_string(body, ctx, depth, w);
  if (is_plain(body)) return from_text(token, body, type, w);
  std::string& content = ctx.scratch();
  content.clear();
  if (!unescape(body, content)) return make_error(error_code::invalid_result, "malformed string escape");
  return from_text(token, content, type, w);
}

status from_number(std::string_view token, value_type type, json_writer& w) noexcept {
  bool written = false;
  switch (type) {
    case value_type::integer:
    case value_type::real:
    case value_type::json: written = write_number(w, token); break;
    case value_type::bigint: written = write_bigint(w, token); break;
    case value_type::numeric:
    case value_type::text: written = write_number_as_string(w, token); break;
    case value_type::boolean:
      if (const auto v = parse_number(token); v && (*v == 0 || *v == 1)) {
        w.boolean(*v == 1);
        written = true;
      }
      break;
    case value_type::timestamp:
    case value_type::date:
      if (const auto v = parse_number(token)) {
        write_epoch_number(w, *v, type);
        written = true;
      }
      break;
  }
  return written ? ok_status() : mismatch(type, token);
}

}  // namespace

void write_timestamp(json_writer& w, int64_t epoch_ms) noexcept {
  if (epoch_ms > max_epoch_ms || epoch_ms < -max_epoch_ms) {
    w.null();
    return;
  }
  char buf[iso_buffer_size];
  buf[0] = '"';
  const size_t n = format_iso_timestamp(epoch_ms, buf + 1);
  buf[n + 1] = '"';
  w.raw(std::string_view(buf, n + 2));
}

status write_cell(od::value cell, value_type type, decode_context& ctx, size_t depth,
                  json_writer& w) noexcept {
  od::json_type kind;
  if (auto e = cell.type().get(kind)) return json_error(e);
  switch (kind) {
    case od::json_type::string: return from_string(cell.raw_json_token(), type, ctx, depth, w);
    case od::json_type::number: return from_number(trim_token(cell.raw_json_token()), type, w);
    case od::json_type::boolean: {
      bool b = false;
      if (auto e = cell.get_bool().get(b)) return json_error(e);
      if (type != value_type::boolean && type != value_type::json)
        return mismatch(type, b ? "true" : "false");
      w.boolean(b);
      return ok_status();
    }
    case od::json_type::null: {
      bool is_null = false;
      if (auto e = cell.is_null().get(is_null)) return json_error(e);
      if (!is_null) return make_error(error_code::invalid_json, "malformed literal");
      w.null();
      return ok_status();
    }
    case od::json_type::array:
    case od::json_type::object:
      if (type == value_type::json) return copy_json(cell, w);
      return mismatch(type, kind == od::json_type::array ? "an array" : "an object");
  }
  return mismatch(type, "an unknown token");
}

}  // namespace sluice::decode
