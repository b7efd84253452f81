#include "decode/cell.h"

#include <cmath>
#include <optional>
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
bool mismatch(decode_context& ctx, value_type type, std::string_view token) noexcept {
  constexpr size_t limit = 40;
  std::string shown(token.substr(0, limit));
  if (token.size() > limit) {
    while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80) shown.pop_back();
    if (!shown.empty() && static_cast<unsigned char>(shown.back()) >= 0xC0) shown.pop_back();
    shown.append("...");
  }
  return ctx.fail(error_code::invalid_result,
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

// Dates and timestamps are formatted between their quotes and written with one raw() call.
template <typename Format>
void write_quoted(json_writer& w, Format format) noexcept {
  char buf[iso_buffer_size];
  buf[0] = '"';
  const size_t n = format(buf + 1);
  buf[n + 1] = '"';
  w.raw(std::string_view(buf, n + 2));
}

void write_date(json_writer& w, int64_t days) noexcept {
  write_quoted(w, [days](char* out) { return format_iso_date(days, out); });
}

// Epoch milliseconds are almost always a plain integer: read it without strtod.
std::optional<int64_t> parse_small_integer(std::string_view token) noexcept {
  const bool negative = !token.empty() && token.front() == '-';
  const std::string_view digits = negative ? token.substr(1) : token;
  if (digits.empty() || digits.size() > 17 || (digits.size() > 1 && digits.front() == '0')) return std::nullopt;
  int64_t value = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return negative ? -value : value;
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

}  // namespace

bool write_text_cell(std::string_view token, std::string_view content, value_type type,
                     decode_context& ctx, json_writer& w) noexcept {
  switch (type) {
    case value_type::integer:
    case value_type::real:
      if (write_number(w, content)) return true;
      // float4/float8 text; JSON.stringify writes null for them.
      if (content == "NaN" || is_infinity_text(content)) {
        w.null();
        return true;
      }
      break;
    case value_type::bigint:
      if (write_bigint(w, content)) return true;
      break;
    case value_type::boolean:
      if (auto b = boolean_from_text(content)) {
        w.boolean(*b);
        return true;
      }
      break;
    case value_type::timestamp: {
      char buf[iso_buffer_size];
      if (const size_t n = format_utc_text(content, buf + 1)) {
        buf[0] = '"';
        buf[n + 1] = '"';
        w.raw(std::string_view(buf, n + 2));
        return true;
      }
      if (const auto fields = parse_timestamp_fields(content, offset_rule::utc_if_absent)) {
        write_quoted(w, [&fields](char* out) { return format_iso_timestamp(*fields, out); });
        return true;
      }
      if (is_infinity_text(content)) {
        w.null();
        return true;
      }
      break;
    }
    case value_type::date:
      if (auto days = parse_date(content)) {
        write_date(w, *days);
        return true;
      }
      if (auto ms = parse_timestamp(content, offset_rule::utc_if_absent)) {
        write_date(w, day_of(*ms));
        return true;
      }
      if (is_infinity_text(content)) {
        w.null();
        return true;
      }
      break;
    case value_type::numeric:
    case value_type::text:
    case value_type::json: break;
  }
  return mismatch(ctx, type, token);
}

namespace {

// A json cell held as a string: the text it holds is the value. JSON built by Postgres embeds
// a json string value as a plain JSON string, which then holds no JSON: that string is the value.
bool json_from_string(std::string_view body, decode_context& ctx, size_t depth, json_writer& w) noexcept {
  od::document doc;
  json_writer held;
  if (ctx.parse_nested(depth + 1, body, doc) && copy_json(doc, held).ok()) {
    w.raw(held.str());
    return true;
  }
  return write_string(w, body) || ctx.fail(error_code::invalid_result, "malformed string escape");
}

bool from_string(std::string_view token, value_type type, decode_context& ctx, size_t depth,
                 json_writer& w) noexcept {
  const std::string_view body = string_token_body(token);
  if (type == value_type::text || type == value_type::numeric) {
    // A plain string token already is its JS-canonical output, quotes included: one copy.
    if (is_plain(body)) {
      w.raw(trim_token(token));
      return true;
    }
    return write_string(w, body) || ctx.fail(error_code::invalid_result, "malformed string escape");
  }
  if (type == value_type::json) return json_from_string(body, ctx, depth, w);
  // Numbers, booleans and dates never need escapes, so the raw body is tried first and only a
  // body that fails is unescaped (a `\u0031` spelling is legal JSON, just never seen).
  if (write_text_cell(token, body, type, ctx, w)) return true;
  if (is_plain(body)) return false;
  std::string& content = ctx.scratch();
  content.clear();
  if (!unescape(body, content)) return ctx.fail(error_code::invalid_result, "malformed string escape");
  return write_text_cell(token, content, type, ctx, w);
}

bool from_number(std::string_view token, value_type type, decode_context& ctx, json_writer& w) noexcept {
  bool written = false;
  switch (type) {
    case value_type::integer:
    case value_type::real:
    case value_type::json: written = write_number(w, token); break;
    case value_type::bigint: written = write_bigint(w, token); break;
    case value_type::numeric:
    case value_type::text: written = write_number_as_string(w, token); break;
    case value_type::boolean:
      if (token == "0" || token == "1") {
        w.boolean(token == "1");
        written = true;
      } else if (const auto v = parse_number(token); v && (*v == 0 || *v == 1)) {
        w.boolean(*v == 1);
        written = true;
      }
      break;
    case value_type::timestamp:
    case value_type::date:
      if (const auto ms = parse_small_integer(token)) {
        if (type == value_type::timestamp) {
          write_timestamp(w, *ms);
        } else if (*ms > max_epoch_ms || *ms < -max_epoch_ms) {
          w.null();
        } else {
          write_date(w, day_of(*ms));
        }
        written = true;
      } else if (const auto v = parse_number(token)) {
        write_epoch_number(w, *v, type);
        written = true;
      }
      break;
  }
  return written || mismatch(ctx, type, token);
}

}  // namespace

void write_timestamp(json_writer& w, int64_t epoch_ms) noexcept {
  if (epoch_ms > max_epoch_ms || epoch_ms < -max_epoch_ms) {
    w.null();
    return;
  }
  write_quoted(w, [epoch_ms](char* out) { return format_iso_timestamp(epoch_ms, out); });
}

[[gnu::flatten]] bool write_cell(od::value cell, value_type type, decode_context& ctx, size_t depth,
                json_writer& w) noexcept {
  od::json_type kind;
  if (auto e = cell.type().get(kind)) return ctx.fail_json(e);
  switch (kind) {
    case od::json_type::string: return from_string(cell.raw_json_token(), type, ctx, depth, w);
    case od::json_type::number: return from_number(trim_token(cell.raw_json_token()), type, ctx, w);
    case od::json_type::boolean: {
      bool b = false;
      if (auto e = cell.get_bool().get(b)) return ctx.fail_json(e);
      if (type != value_type::boolean && type != value_type::json)
        return mismatch(ctx, type, b ? "true" : "false");
      w.boolean(b);
      return true;
    }
    case od::json_type::null: {
      bool is_null = false;
      if (auto e = cell.is_null().get(is_null)) return ctx.fail_json(e);
      if (!is_null) return ctx.fail(error_code::invalid_json, "malformed literal");
      w.null();
      return true;
    }
    case od::json_type::array:
    case od::json_type::object:
      if (type == value_type::json) {
        auto copied = copy_json(cell, w);
        return copied.ok() || ctx.fail(std::move(copied.err()));
      }
      return mismatch(ctx, type, kind == od::json_type::array ? "an array" : "an object");
  }
  return mismatch(ctx, type, "an unknown token");
}

}  // namespace sluice::decode
